package io.github.camelbigin.common.options;

import io.github.camelbigin.zoho.auth.DataCenter;
import org.apache.camel.spi.Configurer;
import org.apache.camel.spi.Metadata;

/**
 * A named connection: one way in (OAuth, an access token or a Maton key), its data centre and URLs, and its credit
 * budget, defined once — as a bean, or as {@code camel.component.<scheme>.connections[<name>].*} properties — and used
 * by endpoints with {@code connection=<name>}. Two orgs in one application are two connections.
 */
@Configurer
public class ZohoConnection {

    @Metadata(description = "Zoho OAuth client id.", secret = true)
    private String clientId;
    @Metadata(description = "Zoho OAuth client secret.", secret = true)
    private String clientSecret;
    @Metadata(description = "Zoho OAuth refresh token.", secret = true)
    private String refreshToken;
    @Metadata(description = "A Zoho access token (it expires after an hour).", secret = true)
    private String accessToken;
    @Metadata(description = "A Maton API gateway key.", secret = true)
    private String apiKey;
    @Metadata(description = "The Maton connection to use.")
    private String connectionId;
    @Metadata(description = "The Zoho data centre: US, EU, IN, AU, JP, CA, CN or SA.")
    private DataCenter dataCenter;
    @Metadata(description = "The Zoho accounts server, when not the data centre's.")
    private String accountsUrl;
    @Metadata(description = "The API base URL, when not the data centre's or the token's.")
    private String apiUrl;
    @Metadata(description = "The most credits the connection may spend over 24 hours (0: no budget).")
    private long creditBudget;
    @Metadata(description = "Zoho CRM only: the org's edition, whose concurrency limit the connection keeps to.")
    private io.github.camelbigin.zoho.credits.CrmEdition edition;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }

    public void setClientSecret(String clientSecret) {
        this.clientSecret = clientSecret;
    }

    public String getRefreshToken() {
        return refreshToken;
    }

    public void setRefreshToken(String refreshToken) {
        this.refreshToken = refreshToken;
    }

    public String getAccessToken() {
        return accessToken;
    }

    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    public String getApiKey() {
        return apiKey;
    }

    public void setApiKey(String apiKey) {
        this.apiKey = apiKey;
    }

    public String getConnectionId() {
        return connectionId;
    }

    public void setConnectionId(String connectionId) {
        this.connectionId = connectionId;
    }

    public DataCenter getDataCenter() {
        return dataCenter;
    }

    public void setDataCenter(DataCenter dataCenter) {
        this.dataCenter = dataCenter;
    }

    public String getAccountsUrl() {
        return accountsUrl;
    }

    public void setAccountsUrl(String accountsUrl) {
        this.accountsUrl = accountsUrl;
    }

    public String getApiUrl() {
        return apiUrl;
    }

    public void setApiUrl(String apiUrl) {
        this.apiUrl = apiUrl;
    }

    public long getCreditBudget() {
        return creditBudget;
    }

    public void setCreditBudget(long creditBudget) {
        this.creditBudget = creditBudget;
    }

    /** Zoho CRM only: the org's edition, whose concurrency limit the connection keeps to. */
    public io.github.camelbigin.zoho.credits.CrmEdition getEdition() {
        return edition;
    }

    public void setEdition(io.github.camelbigin.zoho.credits.CrmEdition edition) {
        this.edition = edition;
    }

    /** Puts this connection's way in, URLs and budget into an endpoint's options, replacing the component's. */
    public void applyTo(ZohoConfiguration c) {
        c.setClientId(clientId);
        c.setClientSecret(clientSecret);
        c.setRefreshToken(refreshToken);
        c.setAccessToken(accessToken);
        c.setApiKey(apiKey);
        c.setConnectionId(connectionId);
        if (dataCenter != null) {
            c.setDataCenter(dataCenter);
        }
        c.setAccountsUrl(accountsUrl);
        c.setApiUrl(apiUrl);
        // a connection without a budget or edition of its own keeps the endpoint's (a Kamelet's creditBudget)
        if (creditBudget > 0) {
            c.setCreditBudget(creditBudget);
        }
        if (edition != null) {
            c.useEdition(edition); // refused by a product whose API has no editions
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + (apiKey != null ? "Maton" : refreshToken != null ? "OAuth" : accessToken != null
                ? "access token" : "no credentials") + ", " + dataCenter + ", apiUrl=" + apiUrl + ", ****]";
    }
}
