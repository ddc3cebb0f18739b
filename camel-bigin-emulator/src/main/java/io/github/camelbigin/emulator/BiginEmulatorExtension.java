package io.github.camelbigin.emulator;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link BiginEmulator} on a random 127.0.0.1 port for a test class, and resets it before each test:
 *
 * <pre>
 * &#64;RegisterExtension
 * static BiginEmulatorExtension bigin = new BiginEmulatorExtension();
 *
 * &#64;Test
 * void lists(BiginEmulator emulator) { … emulator.apiUrl() … }
 * </pre>
 */
public final class BiginEmulatorExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback,
        ParameterResolver {

    private final BiginEmulator emulator;
    private final boolean resetBeforeEach;

    public BiginEmulatorExtension() {
        this(new BiginEmulator(), true);
    }

    public BiginEmulatorExtension(BiginEmulator emulator, boolean resetBeforeEach) {
        this.emulator = emulator;
        this.resetBeforeEach = resetBeforeEach;
    }

    public BiginEmulator emulator() {
        return emulator.start();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!emulator.isRunning()) {
            emulator.start();
        }
        if (resetBeforeEach) {
            emulator.reset();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        emulator.stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == BiginEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return emulator();
    }
}
