package io.github.camelbigin.examples;

import java.util.Locale;
import java.util.function.Supplier;

import io.github.camelbigin.common.ZohoComponent;
import io.github.camelbigin.component.BiginComponent;
import io.github.camelbigin.emulator.BiginEmulator;
import io.github.camelbigin.zohocrm.ZohoCrmComponent;

/**
 * Which Zoho product the demo talks to: Bigin ({@code bigin:}, the default) or Zoho CRM ({@code zohocrm:}, with the
 * argument {@code crm}). Each has its component, its emulator flavour, its header prefix and its environment
 * variables ({@code BIGIN_…} or {@code ZOHOCRM_…}; {@code MATON_API_KEY} for both).
 */
enum Product {
    BIGIN("Bigin", "bigin", "BIGIN_", "CamelBigin", BiginComponent::new, BiginEmulator::new),
    CRM("Zoho CRM", "zohocrm", "ZOHOCRM_", "CamelZohoCrm", ZohoCrmComponent::new, BiginEmulator::crm);

    final String name;
    final String scheme;
    final String envPrefix;
    final String headerPrefix;
    private final Supplier<ZohoComponent<?>> component;
    private final Supplier<BiginEmulator> emulator;

    Product(String name, String scheme, String envPrefix, String headerPrefix, Supplier<ZohoComponent<?>> component,
            Supplier<BiginEmulator> emulator) {
        this.name = name;
        this.scheme = scheme;
        this.envPrefix = envPrefix;
        this.headerPrefix = headerPrefix;
        this.component = component;
        this.emulator = emulator;
    }

    ZohoComponent<?> newComponent() {
        return component.get();
    }

    BiginEmulator newEmulator() {
        return emulator.get();
    }

    /** A header of this product's component, e.g. {@code header("Email")} is {@code CamelZohoCrmEmail} for CRM. */
    String header(String name) {
        return headerPrefix + name;
    }

    /** The product the demo's arguments name: none or {@code bigin}, or {@code crm} / {@code zohocrm}. */
    static Product of(String[] args) {
        String given = args.length == 0 ? "bigin" : args[0].trim().toLowerCase(Locale.ROOT);
        switch (given) {
            case "bigin":
                return BIGIN;
            case "crm":
            case "zohocrm":
                return CRM;
            default:
                throw new IllegalArgumentException("Unknown product '" + args[0] + "': run the demo with no argument"
                                                   + " (Bigin) or with crm (Zoho CRM: -Dexec.args=crm)");
        }
    }
}
