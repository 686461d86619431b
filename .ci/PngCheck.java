import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Checks that a screenshot of a report shows rendered charts, not a blank or error page: enough non-white pixels,
 * and pixels in the chart palette's first three colours (the lines and bars of the first three runs).
 * Usage: java PngCheck.java file.png [minimum-series-colours]
 */
public class PngCheck {
    public static void main(String[] args) throws Exception {
        File file = new File(args[0]);
        int wanted = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        BufferedImage img = ImageIO.read(file);
        if (img == null) {
            fail(file + " is not a PNG image");
        }
        int[][] palette = {{0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0xe1, 0x57, 0x59}};
        long[] hits = new long[palette.length];
        long ink = 0;
        long total = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                if (r < 235 || g < 235 || b < 235) {
                    ink++;
                }
                for (int c = 0; c < palette.length; c++) {
                    if (Math.abs(r - palette[c][0]) + Math.abs(g - palette[c][1]) + Math.abs(b - palette[c][2]) < 40) {
                        hits[c]++;
                    }
                }
            }
        }
        System.out.printf("%s: %dx%d, %.1f%% non-white, series-colour pixels %d / %d / %d%n", file.getName(),
                img.getWidth(), img.getHeight(), 100.0 * ink / total, hits[0], hits[1], hits[2]);
        if (ink < total / 50) {
            fail(file + " is (nearly) blank");
        }
        for (int c = 0; c < wanted; c++) {
            if (hits[c] < 200) {
                fail(file + " shows too little of series colour " + (c + 1) + ": the charts did not render");
            }
        }
    }

    private static void fail(String message) {
        System.err.println("FAIL: " + message);
        System.exit(1);
    }
}
