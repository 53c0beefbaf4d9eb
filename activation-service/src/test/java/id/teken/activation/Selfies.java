package id.teken.activation;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/** Generated test images: a sharp, evenly lit "portrait", and the faults the checks must catch. */
public final class Selfies {

    private Selfies() {
    }

    public static BufferedImage portrait(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(90, 110, 140), 0, height, new Color(160, 170, 180)));
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(224, 172, 105));
        g.fillOval(width / 4, height / 6, width / 2, (int) (height * 0.6));
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(3));
        g.fillOval(width * 3 / 8, height / 3, width / 16, height / 24);
        g.fillOval(width * 9 / 16, height / 3, width / 16, height / 24);
        g.drawArc(width * 3 / 8, height / 2, width / 4, height / 8, 200, 140);
        Random random = new Random(42);
        for (int i = 0; i < 4000; i++) {
            int x = random.nextInt(width);
            int y = random.nextInt(height);
            int v = 60 + random.nextInt(150);
            image.setRGB(x, y, new Color(v, v, v).getRGB());
        }
        g.dispose();
        return image;
    }

    /** Smooth everywhere: no edges at all. */
    public static BufferedImage blurred(int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(100, 100, 100), width, height, new Color(150, 150, 150)));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    public static BufferedImage flat(int width, int height, int grey) {
        BufferedImage image = portrait(width, height);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(grey, grey, grey, 235));
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    public static byte[] encode(BufferedImage image, String format) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ImageIO.write(image, format, out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] goodJpeg() {
        return encode(portrait(640, 800), "jpg");
    }

    /** A real PNG of side x side 1-bit pixels, all zero: a few hundred KB that would decode to hundreds of MB. */
    public static byte[] hugePng(int side) {
        try (java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
            chunk(out, "IHDR", java.nio.ByteBuffer.allocate(13).putInt(side).putInt(side).put((byte) 1).put((byte) 0).put((byte) 0)
                    .put((byte) 0).put((byte) 0).array());
            java.io.ByteArrayOutputStream idat = new java.io.ByteArrayOutputStream();
            try (java.util.zip.DeflaterOutputStream z = new java.util.zip.DeflaterOutputStream(idat,
                    new java.util.zip.Deflater(java.util.zip.Deflater.BEST_COMPRESSION))) {
                byte[] row = new byte[1 + (side + 7) / 8];
                for (int y = 0; y < side; y++) {
                    z.write(row);
                }
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws java.io.IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        crc.update(t);
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(t);
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
