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
}
