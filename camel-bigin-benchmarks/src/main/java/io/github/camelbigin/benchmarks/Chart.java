package io.github.camelbigin.benchmarks;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

/** Draws the benchmark's two charts into one PNG with Java2D: API calls (log scale) and records per second. */
final class Chart {

    private static final Color[] COLORS = { new Color(0x1b9e77), new Color(0x66a61e), new Color(0x7570b3),
            new Color(0xd95f02), new Color(0x999999) };

    /** The series in the order (and colours) they are drawn. */
    private static final List<String> SERIES = List.of("bigin: component", "bigin: coql", "ceiling", "naive", "minimum");

    private Chart() {
    }

    /**
     * @param calls      per scenario, per series (component, its coql variant, ceiling, naive, minimum): API calls
     * @param throughput per scenario, per series (the same but minimum): records per second
     */
    static void write(Path png, Map<String, Map<String, Double>> calls, Map<String, Map<String, Double>> throughput)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 1200;
        int height = 900;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        panel(g, 0, 0, width, height / 2, "API calls per scenario (log scale, fewer is better)", calls, true);
        panel(g, 0, height / 2, width, height / 2, "Records per second (more is better)", throughput, false);
        g.dispose();
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(Graphics2D g, int x0, int y0, int w, int h, String title,
                              Map<String, Map<String, Double>> data, boolean log) {
        int left = x0 + 90;
        int right = x0 + w - 30;
        int top = y0 + 60;
        int bottom = y0 + h - 70;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString(title, left, y0 + 30);
        double max = data.values().stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).max()
                .orElse(1);
        double top10 = log ? Math.ceil(Math.log10(Math.max(max, 10))) : 0;
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setStroke(new BasicStroke(1f));
        // axis and grid
        int ticks = log ? (int) top10 : 5;
        for (int i = 0; i <= ticks; i++) {
            int y = bottom - (bottom - top) * i / ticks;
            g.setColor(new Color(0xdddddd));
            g.drawLine(left, y, right, y);
            g.setColor(Color.DARK_GRAY);
            String label = log ? String.format("%,d", (long) Math.pow(10, i)) : String.format("%,.0f", max * i / ticks);
            g.drawString(label, left - 8 - g.getFontMetrics().stringWidth(label), y + 4);
        }
        List<String> scenarios = List.copyOf(data.keySet());
        List<String> series = data.values().stream().flatMap(m -> m.keySet().stream()).distinct()
                .sorted(java.util.Comparator.comparingInt(SERIES::indexOf)).toList();
        int groupWidth = (right - left) / Math.max(1, scenarios.size());
        int barWidth = Math.max(8, (groupWidth - 30) / Math.max(1, series.size()));
        for (int s = 0; s < scenarios.size(); s++) {
            Map<String, Double> values = data.get(scenarios.get(s));
            int gx = left + s * groupWidth + 15;
            for (int k = 0; k < series.size(); k++) {
                Double v = values.get(series.get(k));
                if (v == null || v <= 0) {
                    continue;
                }
                double frac = log ? Math.log10(Math.max(v, 1)) / top10 : v / max;
                int bh = (int) Math.round((bottom - top) * Math.min(1, frac));
                g.setColor(COLORS[k % COLORS.length]);
                g.fillRect(gx + k * barWidth, bottom - bh, barWidth - 2, Math.max(bh, 1));
                g.setColor(Color.BLACK);
                String label = v >= 100 || v == Math.rint(v) ? String.format("%,.0f", v) : String.format("%.1f", v);
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                g.drawString(label, gx + k * barWidth, bottom - bh - 3);
            }
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            g.drawString(scenarios.get(s), gx, bottom + 18);
        }
        // legend
        int lx = left;
        for (int k = 0; k < series.size(); k++) {
            g.setColor(COLORS[k % COLORS.length]);
            g.fillRect(lx, bottom + 35, 14, 14);
            g.setColor(Color.BLACK);
            g.drawString(series.get(k), lx + 20, bottom + 47);
            lx += 30 + g.getFontMetrics().stringWidth(series.get(k)) + 20;
        }
    }

    static Map<String, Double> series(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
            }
        }
        return m;
    }
}
