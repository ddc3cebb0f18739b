package io.github.camelbigin.zoho.auth;

import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.camelbigin.zoho.api.ZohoApi;

/**
 * The Zoho data centers, each with its accounts server (where OAuth tokens are minted) and its API
 * domain. Canada's accounts server is {@code accounts.zohocloud.ca}, not {@code zoho.ca}.
 */
public enum DataCenter {
    US("https://accounts.zoho.com", "https://www.zohoapis.com"),
    EU("https://accounts.zoho.eu", "https://www.zohoapis.eu"),
    IN("https://accounts.zoho.in", "https://www.zohoapis.in"),
    AU("https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),
    JP("https://accounts.zoho.jp", "https://www.zohoapis.jp"),
    CN("https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
    SA("https://accounts.zoho.sa", "https://www.zohoapis.sa"),
    CA("https://accounts.zohocloud.ca", "https://www.zohoapis.ca");

    private final URI accountsUrl;
    private final URI apiDomain;

    DataCenter(String accountsUrl, String apiDomain) {
        this.accountsUrl = URI.create(accountsUrl);
        this.apiDomain = URI.create(apiDomain);
    }

    public URI accountsUrl() {
        return accountsUrl;
    }

    public URI apiDomain() {
        return apiDomain;
    }

    /** The base URL of an API in this data center, e.g. {@code https://www.zohoapis.eu/bigin/v2}. */
    public URI apiUrl(ZohoApi api) {
        return URI.create(apiDomain + api.basePath());
    }

    /** Parses a data center name case-insensitively, with an error that lists the valid names. */
    public static DataCenter parse(String name) {
        if (name == null || name.isBlank()) {
            return US;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown Zoho data center '" + name + "': use one of "
                                               + Arrays.stream(values()).map(Enum::name)
                                                       .collect(Collectors.joining(", "))
                                               + ", or set accountsUrl to your accounts server");
        }
    }
}
