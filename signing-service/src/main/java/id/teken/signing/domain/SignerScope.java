package id.teken.signing.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * For whom a system client may sign, set by an ADMIN: every signer (only when said so explicitly), the signers of some
 * units (Unit Organisasi as the directory names it), or named signers (NIPs). A new client signs for nobody until given one.
 */
public record SignerScope(boolean allSigners, List<String> units, List<String> signers) {

    public static final SignerScope NOBODY = new SignerScope(false, List.of(), List.of());
    public static final SignerScope EVERYONE = new SignerScope(true, List.of(), List.of());

    public SignerScope {
        units = List.copyOf(units);
        signers = List.copyOf(signers);
    }

    /** Checked input: at most 50 units of at most 300 characters, at most 1000 NIPs of 18 digits. */
    public static SignerScope of(Boolean allSigners, List<String> units, List<String> signers) {
        List<String> u = new ArrayList<>();
        for (String raw : units == null ? List.<String>of() : units) {
            String unit = raw == null ? "" : raw.trim().replaceAll("\\s+", " ");
            if (unit.isEmpty() || unit.length() > 300 || unit.contains("\n")) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "scope.units: nama unit 1-300 karakter.");
            }
            u.add(unit);
        }
        List<String> s = new ArrayList<>();
        for (String raw : signers == null ? List.<String>of() : signers) {
            String nip = raw == null ? "" : raw.trim();
            if (!nip.matches("\\d{18}")) {
                throw new DomainException(ErrorCode.CLIENT_INVALID, "scope.signers: NIP 18 digit.");
            }
            s.add(nip);
        }
        if (u.size() > 50 || s.size() > 1000) {
            throw new DomainException(ErrorCode.CLIENT_INVALID, "scope: maksimal 50 unit dan 1000 NIP.");
        }
        return new SignerScope(Boolean.TRUE.equals(allSigners), u.stream().distinct().toList(), s.stream().distinct().toList());
    }

    /** Whether a signer of this NIP and unit is within the scope. */
    public boolean covers(String nip, String unitOrganisasi) {
        if (allSigners || nip != null && signers.contains(nip)) {
            return true;
        }
        if (unitOrganisasi == null) {
            return false;
        }
        String unit = unitOrganisasi.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        return units.stream().anyMatch(x -> x.toLowerCase(Locale.ROOT).equals(unit));
    }

    /** Whether the scope needs the signer's unit to decide. */
    public boolean needsUnit(String nip) {
        return !allSigners && !signers.contains(nip) && !units.isEmpty();
    }
}
