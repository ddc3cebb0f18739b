package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.testing.EmulatorTestSupport;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against the emulator's Zoho CRM v8 flavour on 127.0.0.1 (random port), reset before each test.
 * {@link #crm(String)} builds a {@code zohocrm:} URI with the emulator's static token and API URL.
 */
abstract class ZohoCrmTestSupport extends EmulatorTestSupport {

    @RegisterExtension
    static final BiginEmulatorExtension EMULATOR = new BiginEmulatorExtension(BiginEmulator.crm(), true);

    @Override
    protected BiginEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected String scheme() {
        return "zohocrm";
    }

    /** {@code zohocrm:<moduleAndOptions>} with the emulator's token and API URL (and fast retries). */
    protected String crm(String moduleAndOptions) {
        return uri(moduleAndOptions);
    }
}
