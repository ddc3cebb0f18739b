package io.github.camelbigin.zohocrm;

import java.nio.file.Path;

import io.github.camelbigin.common.testing.OptionsDocContract;

/** docs/zohocrm-options.md, zohocrm:'s options and headers, is rendered from zohocrm.json. */
class ZohoCrmOptionsDocumentationTest extends OptionsDocContract {

    @Override
    protected Path doc() {
        return Path.of("..", "docs", "zohocrm-options.md");
    }

    @Override
    protected String scheme() {
        return "zohocrm";
    }

    @Override
    protected String catalogResource() {
        return "/META-INF/io/github/camelbigin/zohocrm/zohocrm.json";
    }
}
