package io.github.camelbigin.zoho.http;

import java.nio.charset.StandardCharsets;

/**
 * Strict percent-encoding (RFC 3986): everything but the unreserved characters is encoded, so a search criteria's
 * parentheses, commas, colons and backslashes reach Bigin exactly as written.
 * <p>
 * Internal to the engine (public only for its other packages): callers use the services of
 * {@link io.github.camelbigin.zoho.client.ZohoClient}.
 */
public final class UriEncoding {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UriEncoding() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0x0F]);
            }
        }
        return sb.toString();
    }
}
