package io.github.camelbigin.zohocrm;

import io.github.camelbigin.common.testing.FeedEdgesContract;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.emulator.BiginEmulatorExtension;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The change feed's edges on {@code zohocrm:}, against the emulator's Zoho CRM flavour. */
class ZohoCrmFeedEdgesTest extends FeedEdgesContract {

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
}
