package id.teken.devstack;

import com.icegreen.greenmail.standalone.GreenMailStandaloneRunner;

import java.util.Properties;

/**
 * GreenMail as a real SMTP and IMAP server with its REST API (read a user's messages, purge), accepting
 * any address. {@link #main} runs it in the foreground; {@link DevStack} starts it as a child JVM.
 */
public final class MailServer {

    private MailServer() {
    }

    /** Arguments: SMTP port, IMAP port, REST API port. */
    public static void main(String[] args) {
        Properties p = new Properties();
        p.setProperty("greenmail.smtp.port", args[0]);
        p.setProperty("greenmail.smtp.hostname", "127.0.0.1");
        p.setProperty("greenmail.imap.port", args[1]);
        p.setProperty("greenmail.imap.hostname", "127.0.0.1");
        p.setProperty("greenmail.api.port", args[2]);
        p.setProperty("greenmail.api.hostname", "127.0.0.1");
        p.setProperty("greenmail.auth.disabled", "true");
        p.setProperty("greenmail.hostname", "127.0.0.1");
        new GreenMailStandaloneRunner().doRun(p);
    }
}
