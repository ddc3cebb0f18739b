package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.EmulatorTestSupport;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Camel tests against the Bigin emulator on 127.0.0.1 (random port), reset before each test. {@link #bigin(String)}
 * builds an endpoint URI that uses the emulator's static token.
 */
abstract class BiginTestSupport extends EmulatorTestSupport {

    @RegisterExtension
    static final BiginEmulatorExtension EMULATOR = new BiginEmulatorExtension();

    @Override
    protected BiginEmulator emulator() {
        return EMULATOR.emulator();
    }

    @Override
    protected String scheme() {
        return "bigin";
    }

    /** {@code bigin:<moduleAndOptions>} with the emulator's token and API URL (and fast retries). */
    protected String bigin(String moduleAndOptions) {
        return uri(moduleAndOptions);
    }
}
