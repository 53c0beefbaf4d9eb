package id.teken.devstack;

import id.teken.events.Topic;
import id.teken.events.Topics;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Who may do what on Teken's Kafka: each service writes only its own topics, reads only what it consumes (and parks
 * poison messages in the dead-letter topic of what it consumes), under its own SCRAM user, in its own consumer group.
 * The broker refuses everything else ({@code allow.everyone.if.no.acl.found=false}). compose/kafka/run-secured.sh grants
 * the same in the containers (ComposeFilesTest compares the two).
 */
public final class KafkaAccess {

    /** The broker's own user (inter-broker listener) and the operator's user; both super users. */
    public static final String BROKER = "teken-broker";
    public static final String ADMIN = "teken-admin";

    /** One service's grant: its SCRAM user and consumer group (both its application name), what it writes and reads. */
    public record Grant(String user, List<Topic<?>> writes, List<Topic<?>> reads) {

        public String group() {
            return user;
        }
    }

    public static final List<Grant> SERVICES = List.of(
            new Grant("registration-service", List.of(Topics.REGISTRATION_SUBMITTED, Topics.ACCESS_TOKEN_REVOKED),
                    List.of(Topics.ACCESS_TOKEN_REVOKED, Topics.ACTIVATION_REVIEW_REQUESTED, Topics.ACTIVATION_COMPLETED, Topics.ACTIVATION_REJECTED,
                            Topics.ACTIVATION_EXPIRED, Topics.CERTIFICATE_ISSUED, Topics.CERTIFICATE_REVOKED,
                            Topics.CERTIFICATE_SUSPENDED, Topics.CERTIFICATE_REINSTATED, Topics.CERTIFICATE_RENEWAL_REQUESTED,
                            Topics.CERTIFICATE_EXPIRED, Topics.SYSTEM_CLIENT_DISABLED)),
            new Grant("activation-service",
                    List.of(Topics.ACTIVATION_REVIEW_REQUESTED, Topics.ACTIVATION_COMPLETED, Topics.ACTIVATION_REJECTED,
                            Topics.ACTIVATION_EXPIRED),
                    List.of(Topics.REGISTRATION_SUBMITTED, Topics.ACCESS_TOKEN_REVOKED)),
            new Grant("certificate-service",
                    List.of(Topics.CERTIFICATE_ISSUED, Topics.CERTIFICATE_REVOKED, Topics.CERTIFICATE_SUSPENDED,
                            Topics.CERTIFICATE_REINSTATED, Topics.CERTIFICATE_RENEWAL_REQUESTED, Topics.CERTIFICATE_EXPIRED),
                    List.of(Topics.ACTIVATION_COMPLETED, Topics.ACCESS_TOKEN_REVOKED)),
            new Grant("signing-service", List.of(Topics.DOCUMENT_SIGNED, Topics.SYSTEM_CLIENT_DISABLED),
                    List.of(Topics.CERTIFICATE_ISSUED, Topics.CERTIFICATE_REVOKED, Topics.CERTIFICATE_SUSPENDED,
                            Topics.CERTIFICATE_REINSTATED, Topics.CERTIFICATE_EXPIRED, Topics.ACCESS_TOKEN_REVOKED)));

    private KafkaAccess() {
    }

    /** Every user the broker knows: the broker, the operator and one per service. */
    public static List<String> users() {
        return Stream.concat(Stream.of(BROKER, ADMIN), SERVICES.stream().map(Grant::user)).toList();
    }

    public static Grant grant(String user) {
        return SERVICES.stream().filter(g -> g.user().equals(user)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no Kafka grant for " + user));
    }

    /**
     * The ACLs of {@link #SERVICES}: WRITE on what a service writes and on the dead letters of what it reads, READ on what
     * it reads and on its group, and CREATE on each of those topics (a client makes a topic it needs on first use, as
     * before the ACLs; making one does not let it write there).
     */
    public static List<AclBinding> acls() {
        List<AclBinding> acls = new ArrayList<>();
        for (Grant g : SERVICES) {
            for (Topic<?> t : g.writes()) {
                acls.add(allow(g.user(), ResourceType.TOPIC, t.name(), AclOperation.WRITE));
                acls.add(allow(g.user(), ResourceType.TOPIC, t.name(), AclOperation.CREATE));
            }
            for (Topic<?> t : g.reads()) {
                acls.add(allow(g.user(), ResourceType.TOPIC, t.name(), AclOperation.READ));
                acls.add(allow(g.user(), ResourceType.TOPIC, t.name(), AclOperation.CREATE));
                acls.add(allow(g.user(), ResourceType.TOPIC, t.deadLetterName(), AclOperation.WRITE));
                acls.add(allow(g.user(), ResourceType.TOPIC, t.deadLetterName(), AclOperation.CREATE));
            }
            if (!g.reads().isEmpty()) {
                acls.add(allow(g.user(), ResourceType.GROUP, g.group(), AclOperation.READ));
            }
        }
        return acls;
    }

    private static AclBinding allow(String user, ResourceType type, String name, AclOperation operation) {
        return new AclBinding(new ResourcePattern(type, name, PatternType.LITERAL),
                new AccessControlEntry("User:" + user, "*", operation, AclPermissionType.ALLOW));
    }
}
