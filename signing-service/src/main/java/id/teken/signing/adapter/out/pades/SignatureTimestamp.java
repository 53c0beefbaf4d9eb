package id.teken.signing.adapter.out.pades;

import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;

import java.io.IOException;
import java.util.Hashtable;

/**
 * A signature time stamp (RFC 3161 token over the signature value) added to a CMS's one signer as the unsigned attribute
 * id-aa-signatureTimeStampToken (RFC 3161 appendix A, ETSI EN 319 122-1), what makes a CAdES/PAdES B-B signature B-T.
 * The caller has checked that the token's imprint is the SHA-256 of this signer's value.
 */
final class SignatureTimestamp {

    private SignatureTimestamp() {
    }

    static byte[] add(byte[] cmsDer, byte[] tokenDer) {
        try {
            CMSSignedData cms = new CMSSignedData(cmsDer);
            if (cms.getSignerInfos().size() != 1) {
                throw new IllegalArgumentException("one signer expected");
            }
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            Hashtable<org.bouncycastle.asn1.ASN1ObjectIdentifier, Object> attributes = signer.getUnsignedAttributes() == null
                    ? new Hashtable<>() : signer.getUnsignedAttributes().toHashtable();
            attributes.put(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new Attribute(
                    PKCSObjectIdentifiers.id_aa_signatureTimeStampToken, new DERSet(ASN1Primitive.fromByteArray(tokenDer))));
            SignerInformation stamped = SignerInformation.replaceUnsignedAttributes(signer, new AttributeTable(attributes));
            return CMSSignedData.replaceSigners(cms, new SignerInformationStore(stamped)).getEncoded(ASN1Encoding.DER);
        } catch (CMSException | IOException e) {
            throw new IllegalArgumentException("the CMS or the time-stamp token cannot be read");
        }
    }
}
