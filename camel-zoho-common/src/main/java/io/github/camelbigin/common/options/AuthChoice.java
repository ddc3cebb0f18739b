package io.github.camelbigin.common.options;

import java.util.ArrayList;
import java.util.List;

/** The way in an endpoint's options choose: exactly one, complete, or a ready client the user gave. */
public enum AuthChoice {
    OAUTH, ACCESS_TOKEN, MATON, CLIENT;

    /**
     * The way in the options choose.
     *
     * @throws IllegalArgumentException naming the options to set when none, several or an incomplete one are given
     */
    static AuthChoice of(ZohoConfiguration c, String label) {
        if (c.getClient() != null) {
            return CLIENT;
        }
        boolean oauth = given(c.getClientId()) || given(c.getClientSecret()) || given(c.getRefreshToken());
        boolean token = given(c.getAccessToken());
        boolean maton = given(c.getApiKey());
        int ways = (oauth ? 1 : 0) + (token ? 1 : 0) + (maton ? 1 : 0);
        if (ways == 0) {
            throw new IllegalArgumentException("No Zoho credentials for " + label + ": set clientId, clientSecret and"
                                               + " refreshToken (Zoho OAuth), or accessToken (a Zoho access token), or"
                                               + " apiKey (a Maton gateway key)");
        }
        if (ways > 1) {
            List<String> set = new ArrayList<>();
            if (oauth) {
                set.add("clientId/clientSecret/refreshToken");
            }
            if (token) {
                set.add("accessToken");
            }
            if (maton) {
                set.add("apiKey");
            }
            throw new IllegalArgumentException("Contradictory Zoho credentials for " + label + ": "
                                               + String.join(" and ", set) + " are set; set only one way in");
        }
        if (oauth) {
            List<String> missing = new ArrayList<>();
            if (!given(c.getClientId())) {
                missing.add("clientId");
            }
            if (!given(c.getClientSecret())) {
                missing.add("clientSecret");
            }
            if (!given(c.getRefreshToken())) {
                missing.add("refreshToken");
            }
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("Incomplete Zoho OAuth credentials for " + label + ": set "
                                                   + String.join(", ", missing)
                                                   + " too (OAuth needs clientId, clientSecret and refreshToken)");
            }
        }
        if (given(c.getConnectionId()) && !maton) {
            throw new IllegalArgumentException("connectionId is a Maton gateway option: set apiKey too, or remove"
                                               + " connectionId");
        }
        return oauth ? OAUTH : token ? ACCESS_TOKEN : MATON;
    }

    private static boolean given(String s) {
        return s != null && !s.isBlank();
    }
}
