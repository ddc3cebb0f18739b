package io.github.camelbigin.zoho.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConcurrencyLimitTest {

    @Test
    void heavyCallsAreHeldToTenWhileLightOnesUseTheWholeLimit() throws Exception {
        ConcurrencyLimit limit = new ConcurrencyLimit(15);
        ApiRequest coql = ApiRequest.post("/coql").operation("coql", null).build();
        ApiRequest list = ApiRequest.get("/Leads").operation("list", "Leads").build();

        assertThat(most(limit, coql)).isEqualTo(10);
        assertThat(most(limit, list)).isEqualTo(15);
        assertThat(ConcurrencyLimit.heavy(ApiRequest.get("/Leads").operation("list", "Leads").credits(3).build()))
                .as("a custom view's read costs 3 credits: heavy").isTrue();
        assertThat(limit.inFlight()).isZero();
    }

    @Test
    void aLimitBelowOneIsRefusedNamingTheValue() {
        assertThatThrownBy(() -> new ConcurrencyLimit(0)).hasMessageContaining("0 calls");
    }

    /** The most slots 40 threads held at once, each holding one for 20 ms. */
    private static int most(ConcurrencyLimit limit, ApiRequest request) throws Exception {
        AtomicInteger held = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(40);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> {
                    try (ConcurrencyLimit.Slot slot = limit.acquire(request)) {
                        most.accumulateAndGet(held.incrementAndGet(), Math::max);
                        Thread.sleep(20);
                        held.decrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return most.get();
    }
}
