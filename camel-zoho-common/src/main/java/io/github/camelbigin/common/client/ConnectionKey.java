package io.github.camelbigin.common.client;

import io.github.camelbigin.common.options.AuthChoice;
import io.github.camelbigin.common.options.ZohoConfiguration;
import io.github.camelbigin.zoho.api.ZohoApi;
import io.github.camelbigin.zoho.auth.DataCenter;
import io.github.camelbigin.zoho.credits.CrmEdition;
import org.apache.camel.spi.StateRepository;
import org.apache.camel.support.jsse.SSLContextParameters;

/**
 * Every option that makes a connection: the API, the credentials, where to connect, the transport and the retries.
 * {@link ClientFactory} builds a client from this value alone, so an option that changes the client cannot be left out
 * of the key that decides whether two endpoints share it. Secrets are compared as values but never shown.
 */
record ConnectionKey(ZohoApi api, AuthChoice authMode, String clientId, String clientSecret, String refreshToken,
                     String accessToken, String apiKey, String connectionId, DataCenter dataCenter,
                     String accountsUrl, String apiUrl, long connectTimeout, long socketTimeout, int maxConnections,
                     String proxyHost, Integer proxyPort, SSLContextParameters sslContextParameters, int maxRetries,
                     long retryInitialDelay, long retryMaxDelay, long retryDeadline, long creditBudget,
                     StateRepository<String, String> creditStateRepository, CrmEdition edition) {

    /** The connection of an endpoint's options (checked: {@code auth} is the way in they choose). */
    static ConnectionKey of(ZohoApi api, AuthChoice auth, ZohoConfiguration c) {
        return new ConnectionKey(api, auth, c.getClientId(), c.getClientSecret(), c.getRefreshToken(),
                c.getAccessToken(), c.getApiKey(), c.getConnectionId(),
                c.getDataCenter() == null ? DataCenter.US : c.getDataCenter(), c.getAccountsUrl(), c.getApiUrl(),
                c.getConnectTimeout(), c.getSocketTimeout(), c.getMaxConnections(), c.getProxyHost(),
                c.getProxyPort(), c.getSslContextParameters(), c.getMaxRetries(), c.getRetryInitialDelay(),
                c.getRetryMaxDelay(), c.getRetryDeadline(), c.getCreditBudget(), c.getCreditStateRepository(),
                c.edition());
    }

    /**
     * Where this connection's credit ledger is kept: a key naming the credentials' identity by a hash (the same
     * credentials spend from the same ledger across restarts), never the credentials themselves.
     */
    String creditKey() {
        String identity = String.join("|", api.basePath(), String.valueOf(authMode), String.valueOf(clientId),
                String.valueOf(refreshToken), String.valueOf(accessToken), String.valueOf(apiKey),
                String.valueOf(connectionId), String.valueOf(dataCenter), String.valueOf(apiUrl));
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(identity.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "bigin:credits:" + java.util.HexFormat.of().formatHex(hash, 0, 12);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The refresh token's identity: endpoints (of any API) with the same one share its access token. */
    TokenKey tokenKey() {
        return new TokenKey(accountsUrl, dataCenter, clientId, clientSecret, refreshToken);
    }

    record TokenKey(String accountsUrl, DataCenter dataCenter, String clientId, String clientSecret,
                    String refreshToken) {
        @Override
        public String toString() {
            return "TokenKey[" + dataCenter + ", accountsUrl=" + accountsUrl + ", ****]";
        }
    }

    @Override
    public String toString() {
        return "ConnectionKey[" + api + ", " + authMode + ", " + dataCenter + ", apiUrl=" + apiUrl + ", ****]";
    }
}
