package id.teken.signing.adapter.out.pades;

import eu.europa.esig.dss.enumerations.DigestAlgorithm;
import eu.europa.esig.dss.model.TimestampBinary;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenInfo;

import java.util.Arrays;

/**
 * The signature time stamp certificate-service made over the signature value it just produced (one round trip less),
 * used when its imprint is exactly what DSS asks to be time-stamped; anything else goes to the TSA.
 */
final class HandedTimestamp implements TSPSource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(HandedTimestamp.class);

    private final byte[] token;
    private final TSPSource tsa;

    HandedTimestamp(byte[] token, TSPSource tsa) {
        this.token = token;
        this.tsa = tsa;
    }

    @Override
    public TimestampBinary getTimeStampResponse(DigestAlgorithm algorithm, byte[] digest) {
        if (token != null && covers(token, algorithm, digest)) {
            return new TimestampBinary(token);
        }
        LOG.debugf("Time stamp from the TSA (%s)", token == null ? "none handed" : "the handed one is over other data");
        return tsa.getTimeStampResponse(algorithm, digest);
    }

    static boolean covers(byte[] token, DigestAlgorithm algorithm, byte[] digest) {
        try {
            TimeStampTokenInfo info = new TimeStampToken(new CMSSignedData(token)).getTimeStampInfo();
            return info.getMessageImprintAlgOID().getId().equals(algorithm.getOid()) && Arrays.equals(info.getMessageImprintDigest(), digest);
        } catch (Exception e) {
            return false;
        }
    }
}
