package io.github.camelbigin.component;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.camelbigin.zoho.records.WriteResult;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Attachments and photos: uploaded and downloaded as streams, so a file's size does not become heap. */
class BiginProducerFilesTest extends BiginTestSupport {

    @TempDir
    Path dir;

    private static long allocatedByThisThread() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    /** A route that downloads into dir/out, as a user writes it: the stream is read by the file producer. */
    private void downloadRoute(String operation) throws Exception {
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                // Camel's stream caching (on by default, spooling off) would read the download into memory: large
                // files are routed with it off, or with spooling on
                from("direct:" + operation).streamCache("false").to(bigin("Contacts?operation=" + operation))
                        .to("file:" + dir.resolve("out").toAbsolutePath() + "?fileName=copy");
            }
        });
    }

    private static byte[] sha256(Path file) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
    }

    @Test
    void aTenMegabyteAttachmentGoesUpAndComesBackWholeWithoutBecomingHeap() throws Exception {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Filed"));
        Path original = dir.resolve("contract.pdf");
        byte[] chunk = new byte[64 * 1024];
        Random random = new Random(7);
        try (var out = Files.newOutputStream(original)) {
            for (int i = 0; i < 160; i++) { // 10 MiB
                random.nextBytes(chunk);
                out.write(chunk);
            }
        }
        downloadRoute("downloadAttachment");
        template.requestBody(bigin("Contacts?operation=attachments"), contact); // warm the route up

        long before = allocatedByThisThread();
        Exchange up = send(bigin("Contacts?operation=uploadAttachment"), original.toFile(),
                Map.of(BiginConstants.RECORD_ID, contact));
        String attachmentId = ((List<WriteResult>) up.getMessage().getBody(List.class)).get(0).getId();
        Exchange down = send("direct:downloadAttachment", null,
                Map.of(BiginConstants.RECORD_ID, contact, BiginConstants.ATTACHMENT_ID, attachmentId));
        Path copy = dir.resolve("out").resolve("copy");
        long allocated = allocatedByThisThread() - before;

        assertThat(up.getException()).isNull();
        assertThat(down.getException()).isNull();
        assertThat(sha256(copy)).isEqualTo(sha256(original));
        assertThat(down.getMessage().getHeader(Exchange.FILE_NAME)).isEqualTo("contract.pdf");
        assertThat(down.getMessage().getHeader(Exchange.CONTENT_LENGTH)).isEqualTo(10L * 1024 * 1024);
        assertThat(allocated).as("bytes this thread allocated for a 10 MiB round trip").isLessThan(4L * 1024 * 1024);
        List<?> listed = template.requestBody(bigin("Contacts?operation=attachments"), contact, List.class);
        assertThat(listed).hasSize(1);
        assertThat(((Map<?, ?>) listed.get(0)).get("File_Name")).isEqualTo("contract.pdf");
        assertThat(((Map<?, ?>) listed.get(0)).get("Size")).isEqualTo(String.valueOf(10 * 1024 * 1024));
    }

    @Test
    void anAttachmentIsDeletedByItsId() {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Filed"));
        Exchange up = send(bigin("Contacts?operation=uploadAttachment"), "hello".getBytes(),
                Map.of(BiginConstants.RECORD_ID, contact, Exchange.FILE_NAME, "in/notes.txt"));
        String id = ((WriteResult) up.getMessage().getBody(List.class).get(0)).getId();

        Exchange deleted = send(bigin("Contacts?operation=deleteAttachment"), null,
                Map.of(BiginConstants.RECORD_ID, contact, BiginConstants.ATTACHMENT_ID, id));
        List<?> left = template.requestBody(bigin("Contacts?operation=attachments"), contact, List.class);

        assertThat(deleted.getException()).isNull();
        assertThat(left).isEmpty();
        assertThat(apiRequests().get(0).body()).startsWith("[multipart/form-data");
        assertThat(calls()).contains("DELETE /Contacts/" + contact + "/Attachments/" + id);
    }

    @Test
    void aPhotoIsSetDownloadedAndRemoved() throws Exception {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Pictured"));
        File png = dir.resolve("face.png").toFile();
        Files.write(png.toPath(), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});

        Exchange set = send(bigin("Contacts?operation=uploadPhoto"), png, Map.of(BiginConstants.RECORD_ID, contact));
        downloadRoute("downloadPhoto");
        Exchange got = send("direct:downloadPhoto", contact);
        byte[] bytes = Files.readAllBytes(dir.resolve("out").resolve("copy"));
        Exchange removed = send(bigin("Contacts?operation=deletePhoto"), contact);

        assertThat(((WriteResult) set.getMessage().getBody(List.class).get(0)).isSuccess()).isTrue();
        assertThat(bytes).isEqualTo(Files.readAllBytes(png.toPath()));
        assertThat(got.getException()).isNull();
        assertThat(removed.getException()).isNull();
    }

    @Test
    void aFileLargerThanZohoTakesIsRefusedBeforeAnyByteIsSent() throws Exception {
        Path big = sparseFile(dir, "video.mp4", 100L * 1024 * 1024);
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Big"));

        Exchange ex = send(bigin("Contacts?operation=uploadAttachment"), big.toFile(),
                Map.of(BiginConstants.RECORD_ID, contact));

        assertThat(ex.getException()).hasMessageContaining("video.mp4").hasMessageContaining("104,857,600 bytes")
                .hasMessageContaining("20 MB").hasMessageContaining("nothing was sent");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aStreamOfUnknownSizeStopsAtZohosLimitInsteadOfStreamingOn() {
        String contact = emulator().seed().insert("Contacts", Map.of("Last_Name", "Big"));
        long[] read = new long[1];
        java.io.InputStream endless = new java.io.InputStream() {
            @Override
            public int read() {
                read[0]++;
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                read[0] += len;
                return len;
            }
        };

        Exchange ex = send(bigin("Contacts?operation=uploadAttachment"), endless,
                Map.of(BiginConstants.RECORD_ID, contact, Exchange.FILE_NAME, "stream.bin"));

        assertThat(ex.getException()).hasMessageContaining("stream.bin").hasMessageContaining("20 MB")
                .hasMessageContaining("stopped");
        assertThat(read[0]).as("bytes taken from the stream").isLessThanOrEqualTo(20L * 1024 * 1024 + 1);
        assertThat(emulator().observe().apiRequests()).noneMatch(r -> r.isAnswered() && r.status() < 300);
    }

    @Test
    void anUploadWithoutAFileNameSaysWhichHeaderNamesIt() {
        Exchange ex = send(bigin("Contacts?operation=uploadAttachment"), "bytes".getBytes(),
                Map.of(BiginConstants.RECORD_ID, "7255024000000596045"));

        assertThat(ex.getException()).hasMessage("uploadAttachment needs a file name: set the CamelFileName header (a"
                                                 + " file: consumer sets it)");
        assertThat(calls()).isEmpty();
    }

    @Test
    void aDownloadWithoutTheAttachmentIdSaysWhereItComesFrom() {
        Exchange ex = send(bigin("Contacts?operation=downloadAttachment"), null,
                Map.of(BiginConstants.RECORD_ID, "7255024000000596045"));

        assertThat(ex.getException()).hasMessageContaining("CamelBiginAttachmentId")
                .hasMessageContaining("attachments operation");
    }
}
