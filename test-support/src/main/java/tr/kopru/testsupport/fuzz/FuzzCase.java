package tr.kopru.testsupport.fuzz;

import java.util.Map;

/**
 * One request of a fuzz run: the operation it aims at, what was done to it, and the request itself.
 *
 * @param target     the operation, with the statuses it documents (null for the readiness check after a run)
 * @param mutation   what was changed from a valid request ({@code valid} for none)
 * @param path       the path with its parameters filled in, query string included
 * @param headers    headers besides the API key
 * @param body       the body as sent, or null for none
 * @param apiKey     the API key sent, or null for none
 */
record FuzzCase(Target target, String method, String mutation, String path, Map<String, String> headers,
                String body, String apiKey) {

    String describe() {
        String shownBody = body == null ? "" : " body " + abbreviate(body);
        return (target == null ? method + " " + path : target.name()) + " [" + mutation + "] " + abbreviate(path) + shownBody;
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "…(" + text.length() + " characters)";
    }
}
