package io.github.camelbigin.component;

import io.github.camelbigin.common.testing.FeedEdgesContract;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed's edges on {@code bigin:}. */
class BiginFeedEdgesTest extends FeedEdgesContract {

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
}
