package tr.kopru.local;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * A trace collector for tests: takes OTLP over HTTP ({@code http/protobuf}) on 127.0.0.1, as the services export
 * to a real collector, and keeps each span's service, ids, name, kind and string attributes. It reads the few
 * protobuf fields it needs from the wire format itself.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One span as a service exported it. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, int kind,
                        Map<String, String> attributes) {
        static final int SERVER = 2;
        static final int PRODUCER = 4;
        static final int CONSUMER = 5;
    }

    private final HttpServer server;
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                InputStream body = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    body = new GZIPInputStream(body);
                }
                read(body.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
        server.start();
    }

    /** Where the services send their traces. */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<ReceivedSpan> spans() {
        return List.copyOf(spans);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ExportTraceServiceRequest: 1 resource_spans; ResourceSpans: 1 resource, 2 scope_spans; Resource: 1 attributes;
    // ScopeSpans: 2 spans; Span: 1 trace_id, 2 span_id, 4 parent_span_id, 5 name, 6 kind, 9 attributes.
    private void read(byte[] request) {
        for (Field resourceSpans : Wire.fields(request)) {
            if (resourceSpans.number() != 1) {
                continue;
            }
            String service = "";
            for (Field field : Wire.fields(resourceSpans.bytes())) {
                if (field.number() == 1) {
                    service = attributes(field.bytes(), 1).getOrDefault("service.name", "");
                } else if (field.number() == 2) {
                    for (Field span : Wire.fields(field.bytes())) {
                        if (span.number() == 2) {
                            spans.add(span(service, span.bytes()));
                        }
                    }
                }
            }
        }
    }

    private static ReceivedSpan span(String service, byte[] bytes) {
        String traceId = "";
        String spanId = "";
        String parent = "";
        String name = "";
        int kind = 0;
        for (Field field : Wire.fields(bytes)) {
            switch (field.number()) {
                case 1 -> traceId = HexFormat.of().formatHex(field.bytes());
                case 2 -> spanId = HexFormat.of().formatHex(field.bytes());
                case 4 -> parent = HexFormat.of().formatHex(field.bytes());
                case 5 -> name = field.text();
                case 6 -> kind = (int) field.varint();
                default -> { }
            }
        }
        return new ReceivedSpan(service, traceId, spanId, parent, name, kind, attributes(bytes, 9));
    }

    /** KeyValue: 1 key, 2 value (AnyValue: 1 string_value); values of other kinds are left out. */
    private static Map<String, String> attributes(byte[] message, int fieldNumber) {
        Map<String, String> attributes = new ConcurrentHashMap<>();
        for (Field keyValue : Wire.fields(message)) {
            if (keyValue.number() != fieldNumber) {
                continue;
            }
            String key = null;
            String value = null;
            for (Field field : Wire.fields(keyValue.bytes())) {
                if (field.number() == 1) {
                    key = field.text();
                } else if (field.number() == 2) {
                    for (Field any : Wire.fields(field.bytes())) {
                        if (any.number() == 1) {
                            value = any.text();
                        }
                    }
                }
            }
            if (key != null && value != null) {
                attributes.put(key, value);
            }
        }
        return attributes;
    }

    /** One field of a protobuf message: its number and either a varint or a length-delimited value. */
    private record Field(int number, long varint, byte[] bytes) {
        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The protobuf wire format, as far as reading fields goes. */
    private static final class Wire {
        private final byte[] data;
        private int at;

        private Wire(byte[] data) {
            this.data = data;
        }

        static List<Field> fields(byte[] message) {
            Wire wire = new Wire(message);
            List<Field> fields = new ArrayList<>();
            while (wire.at < message.length) {
                long tag = wire.varint();
                int number = (int) (tag >>> 3);
                switch ((int) (tag & 7)) {
                    case 0 -> fields.add(new Field(number, wire.varint(), new byte[0]));
                    case 1 -> wire.at += 8;
                    case 2 -> {
                        int length = (int) wire.varint();
                        byte[] bytes = Arrays.copyOfRange(message, wire.at, wire.at + length);
                        wire.at += length;
                        fields.add(new Field(number, 0, bytes));
                    }
                    case 5 -> wire.at += 4;
                    default -> throw new UncheckedIOException(new IOException("unknown wire type in " + tag));
                }
            }
            return fields;
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = data[at++];
                value |= (long) (b & 0x7f) << shift;
                if ((b & 0x80) == 0) {
                    return value;
                }
            }
            throw new UncheckedIOException(new IOException("malformed varint"));
        }
    }
}
