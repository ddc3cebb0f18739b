package io.github.camelbigin.emulator;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator standalone until stopped (Ctrl-C):
 *
 * <pre>
 * java -jar camel-bigin-emulator.jar [--port 8089] [--contacts 25]
 * ./mvnw -pl camel-bigin-emulator exec:java -Dexec.args="--port 8089 --contacts 25"
 * </pre>
 *
 * It prints the URLs and the credentials it accepts.
 */
public final class EmulatorMain {

    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        int contacts = 25;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port":
                    port = Integer.parseInt(args[++i]);
                    break;
                case "--contacts":
                    contacts = Integer.parseInt(args[++i]);
                    break;
                default:
                    System.err.println("Unknown argument " + args[i] + "; use --port N and --contacts N");
                    System.exit(2);
            }
        }
        BiginEmulator emulator = new BiginEmulator(port).start();
        emulator.seedContacts(contacts);
        System.out.println("Bigin emulator with " + contacts + " contacts");
        System.out.println("  API (Zoho token):  " + emulator.apiUrl() + "   Authorization: Zoho-oauthtoken "
                           + BiginEmulator.ACCESS_TOKEN);
        System.out.println("  API (Maton key):   " + emulator.matonApiUrl() + "   Authorization: Bearer "
                           + BiginEmulator.MATON_KEY);
        System.out.println("  OAuth accounts:    " + emulator.accountsUrl() + "   client " + BiginEmulator.CLIENT_ID
                           + " / " + BiginEmulator.CLIENT_SECRET + ", refresh token " + BiginEmulator.REFRESH_TOKEN);
        System.out.println("Try: curl -H 'Authorization: Zoho-oauthtoken " + BiginEmulator.ACCESS_TOKEN + "' '"
                           + emulator.apiUrl() + "/Contacts?fields=Last_Name,Email&per_page=5'");
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stop.countDown();
        }));
        stop.await();
    }
}
