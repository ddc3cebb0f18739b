package io.github.camelbigin.zohocrm;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import io.github.camelbigin.emulator.RecordedRequest;
import org.apache.camel.Exchange;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against the emulator's Zoho CRM v8 flavour on 127.0.0.1 (random port), reset before each test.
 * {@link #crm(String)} builds a {@code zohocrm:} URI with the emulator's static token and API URL.
 */
abstract class ZohoCrmTestSupport extends CamelTestSupport {

    @RegisterExtension
    static final BiginEmulatorExtension EMULATOR = new BiginEmulatorExtension(BiginEmulator.crm(), true);

    protected BiginEmulator emulator() {
        return EMULATOR.emulator();
    }

    /** {@code zohocrm:<moduleAndOptions>} with the emulator's token and API URL (and fast retries). */
    protected String crm(String moduleAndOptions) {
        String sep = moduleAndOptions.contains("?") ? "&" : "?";
        return "zohocrm:" + moduleAndOptions + sep + "accessToken=" + BiginEmulator.ACCESS_TOKEN + "&apiUrl="
               + emulator().apiUrl() + "&retryInitialDelay=10&retryMaxDelay=50";
    }

    /** The API requests the emulator saw, e.g. {@code "GET /Leads"}. */
    protected List<String> calls() {
        return emulator().apiRequests().stream().map(r -> r.method() + " " + r.apiPath()).collect(Collectors.toList());
    }

    protected List<RecordedRequest> apiRequests() {
        return emulator().apiRequests();
    }

    protected Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.send(uri, e -> {
            e.getIn().setBody(body);
            e.getIn().setHeaders(new java.util.HashMap<>(headers));
        });
    }
}
