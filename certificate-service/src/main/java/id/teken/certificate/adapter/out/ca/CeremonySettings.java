package id.teken.certificate.adapter.out.ca;

import java.util.Map;

/** What the key ceremony reads from its environment: the token, the root's password, the tenant, the public address. */
record CeremonySettings(Map<String, String> env) {

    /** Never the environment: it holds the token's PIN and the root's password. */
    @Override
    public String toString() {
        return "CeremonySettings";
    }

    Pkcs11Token token() {
        String pin = env.getOrDefault("TEKEN_PKCS11_PIN", "");
        if (pin.isBlank()) {
            throw new IllegalArgumentException("set TEKEN_PKCS11_PIN (the token's user PIN)");
        }
        return Pkcs11Token.open(env.getOrDefault("TEKEN_PKCS11_LIBRARY", "/usr/lib/softhsm/libsofthsm2.so"),
                Integer.parseInt(env.getOrDefault("TEKEN_PKCS11_SLOT_INDEX", "0")), pin.toCharArray());
    }

    char[] rootPassword() {
        String password = env.getOrDefault("TEKEN_ROOT_PASSWORD", "");
        if (password.length() < 12) {
            throw new IllegalArgumentException("set TEKEN_ROOT_PASSWORD (at least 12 characters): it protects the root's key");
        }
        return password.toCharArray();
    }

    String tenant() {
        return env.getOrDefault("TEKEN_TENANT_NAME", "Pemerintah Kabupaten Ponorogo");
    }

    String publicUrl() {
        String url = env.getOrDefault("TEKEN_PUBLIC_URL", "");
        if (url.isBlank()) {
            throw new IllegalArgumentException("set TEKEN_PUBLIC_URL (the address in the certificates: where /pki/crl/root is served)");
        }
        return url.replaceAll("/+$", "");
    }
}
