package io.github.camelbigin.emulator;

import java.time.Duration;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until stopped (Ctrl-C), from the project's root:
 *
 * <pre>
 * ./mvnw -q -pl camel-bigin-emulator exec:java -Dexec.skip=false -Dexec.args="--port 8089 --contacts 25"
 * </pre>
 *
 * It prints the URLs and the credentials it accepts; {@code --help} lists the options.
 */
public final class EmulatorMain {

    static final String USAGE = """
            The Zoho emulator: Bigin's v2 API (or Zoho CRM's v8), Zoho's OAuth token endpoint, Maton's gateway and
            Maton's connection API on 127.0.0.1.
            Options:
              --crm                serve Zoho CRM's v8 API (/crm/v8) instead of Bigin's
              --port N             the port (default 8089; 0 picks a free one)
              --contacts N         contacts to start with (default 25)
              (search finds records 10 s after they were written, as Bigin's index lags behind)
              --token-lifetime S   seconds the access tokens live, minted ones and the static one alike (default: minted
                                   tokens one hour, the static one for ever); after that calls answer 401 INVALID_TOKEN
              --help               this text""";

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        int contacts = 25;
        Duration tokenLifetime = null;
        Flavour flavour = Flavour.BIGIN;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--crm" -> flavour = Flavour.CRM;
                    case "--port" -> port = Integer.parseInt(value(args, ++i, "--port"));
                    case "--contacts" -> contacts = Integer.parseInt(value(args, ++i, "--contacts"));
                    case "--token-lifetime" ->
                            tokenLifetime = Duration.ofSeconds(Long.parseLong(value(args, ++i, "--token-lifetime")));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage() + "\n\n" + USAGE);
            System.exit(2);
        }
        // like Bigin, the standalone emulator's search finds a record some seconds after it was written
        BiginEmulator emulator = new BiginEmulator(port, 32, flavour);
        emulator.tuning().searchIndexDelay(Duration.ofSeconds(10));
        emulator.start();
        emulator.seed().contacts(contacts);
        System.out.println(flavour.product + " emulator with " + contacts + " contacts");
        System.out.println("  API (Zoho token):  " + emulator.apiUrl() + "   Authorization: Zoho-oauthtoken "
                           + BiginEmulator.ACCESS_TOKEN);
        System.out.println("  API (Maton key):   " + emulator.matonApiUrl() + "   Authorization: Bearer "
                           + BiginEmulator.MATON_KEY);
        System.out.println("  Maton connections: " + emulator.matonControlUrl() + "/connections   Authorization: Bearer "
                           + BiginEmulator.MATON_KEY + " (one ACTIVE " + flavour.matonApp + " connection, "
                           + BiginEmulator.MATON_CONNECTION + "; delete it and the gateway answers MISSING_CONNECTION)");
        System.out.println("  OAuth accounts:    " + emulator.accountsUrl() + "   client " + BiginEmulator.CLIENT_ID
                           + " / " + BiginEmulator.CLIENT_SECRET + ", refresh token " + BiginEmulator.REFRESH_TOKEN);
        System.out.println("  Search finds a record 10 s after it was written, as " + flavour.product
                           + "'s index lags behind");
        if (tokenLifetime != null) {
            emulator.tuning().tokenLifetime(tokenLifetime);
            new Timer("static-token-expiry", true).schedule(new TimerTask() {
                @Override
                public void run() {
                    emulator.faults().expireAccessToken(BiginEmulator.ACCESS_TOKEN);
                    System.out.println("The static access token expired: calls with it answer 401 INVALID_TOKEN");
                }
            }, tokenLifetime.toMillis());
            System.out.println("  Access tokens live " + tokenLifetime.toSeconds() + " s");
        }
        System.out.println("Try: curl -H 'Authorization: Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN + "' '"
                           + emulator.apiUrl() + "/Contacts?fields=Last_Name,Email&per_page=5'");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stop.countDown();
        }));
        stop.await();
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
