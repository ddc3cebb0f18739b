package io.github.camelbigin.zoho.http;


/** Waits between attempts; a test gives one that moves a fake clock instead of waiting. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = Thread::sleep;

    void sleep(long millis) throws InterruptedException;
}
