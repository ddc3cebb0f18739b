package io.github.camelbigin.component;

import java.nio.file.Path;

import io.github.camelbigin.common.testing.OptionsDocContract;

/** docs/options.md, bigin:'s options and headers, is rendered from bigin.json. */
class OptionsDocumentationTest extends OptionsDocContract {

    @Override
    protected Path doc() {
        return Path.of("..", "docs", "options.md");
    }

    @Override
    protected String scheme() {
        return "bigin";
    }

    @Override
    protected String catalogResource() {
        return "/META-INF/io/github/camelbigin/component/bigin.json";
    }
}
