package io.github.camelbigin.examples.springboot;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot example: the bigin component configured by {@code config/application.properties}
 * ({@code camel.component.bigin.*}), with the routes of {@link ContactRoutes}. Run with credentials in the environment:
 * {@code ./mvnw -q -pl camel-bigin-examples exec:java -Dexec.mainClass=io.github.camelbigin.examples.springboot.BiginSpringBootApplication},
 * or against the standalone emulator by adding
 * {@code -Dexec.args="--camel.component.bigin.api-url=http://127.0.0.1:8089/bigin/v2 --camel.component.bigin.access-token=emulator-access-token"}
 * (README, "Spring Boot").
 */
@SpringBootApplication
public class BiginSpringBootApplication {

    public static void main(String[] args) {
        SpringApplication.run(BiginSpringBootApplication.class, args);
    }
}
