package tr.kopru.installation.client;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import tr.kopru.installation.domain.UttsRecord;
import tr.kopru.installation.domain.UttsRecordReader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a page of installation records straight from UTTS's bytes, wrapped ({@code item}) or flat, keeping only the
 * fields Köprü uses: a page is a megabyte of JSON and a sync reads thousands, so no tree of the page is built.
 */
final class UttsPageReader {

    private final JsonFactory factory;

    UttsPageReader(ObjectMapper json) {
        this.factory = json.getFactory();
    }

    /** What the envelope said, at whichever level it said it. */
    private static final class Envelope {
        List<UttsRecord> items;
        Integer pageNumber;
        Integer pageSize;
        long totalCount;
        int totalPages;
        Boolean hasNextPage;
        boolean failed;
        JsonNode errors;
    }

    /**
     * @throws UttsUnavailableException when the page is not JSON, UTTS says it did not succeed, or there is no items
     *                                   list
     */
    UttsPage read(byte[] body, int requestedPage, int requestedSize) {
        Envelope envelope = new Envelope();
        try (JsonParser parser = factory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new UttsUnavailableException("UTTS installation-progresses answer is not a JSON object");
            }
            readObject(parser, body, envelope);
        } catch (IOException e) {
            throw new UttsUnavailableException("UTTS installation-progresses answer is not JSON: " + e.getMessage(), e);
        }
        if (envelope.failed) {
            throw new UttsUnavailableException("UTTS did not succeed: " + UttsErrors.message(envelope.errors));
        }
        if (envelope.items == null) {
            throw new UttsUnavailableException("UTTS page carries no items list");
        }
        return new UttsPage(envelope.items, envelope.pageNumber != null ? envelope.pageNumber : requestedPage,
                envelope.pageSize != null ? envelope.pageSize : requestedSize, envelope.totalCount,
                envelope.totalPages, envelope.hasNextPage);
    }

    private static void readObject(JsonParser parser, byte[] body, Envelope envelope) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "item" -> {
                    if (value == JsonToken.START_OBJECT) {
                        readObject(parser, body, envelope);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "items" -> {
                    if (value == JsonToken.START_ARRAY) {
                        envelope.items = readRecords(parser, body);
                    } else {
                        parser.skipChildren();
                    }
                }
                case "pageNumber" -> envelope.pageNumber = value == JsonToken.VALUE_NULL ? null : parser.getValueAsInt(0);
                case "pageSize" -> envelope.pageSize = value == JsonToken.VALUE_NULL ? null : parser.getValueAsInt(0);
                case "totalCount" -> envelope.totalCount = parser.getValueAsLong(0);
                case "totalPages" -> envelope.totalPages = parser.getValueAsInt(0);
                case "hasNextPage" -> envelope.hasNextPage = value == JsonToken.VALUE_NULL ? null
                        : parser.getValueAsBoolean(false);
                case "succeeded" -> envelope.failed = !parser.getValueAsBoolean(false);
                case "errors" -> envelope.errors = parser.readValueAsTree();
                default -> parser.skipChildren();
            }
        }
    }

    private static List<UttsRecord> readRecords(JsonParser parser, byte[] body) throws IOException {
        List<UttsRecord> records = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            records.add(UttsRecordReader.read(parser, body));
        }
        return records;
    }
}
