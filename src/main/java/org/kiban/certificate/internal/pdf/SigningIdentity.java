package org.kiban.certificate.internal.pdf;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Objects;

/**
 * A signing key and its certificate chain, signer's certificate first.
 *
 * @param privateKey the private key (RSA or EC)
 * @param chain      the certificate chain, the signer's certificate first; one self-signed certificate for
 *                   a tenant key made by {@link SigningKeys}
 */
public record SigningIdentity(PrivateKey privateKey, X509Certificate[] chain) {

    public SigningIdentity {
        Objects.requireNonNull(privateKey, "privateKey");
        Objects.requireNonNull(chain, "chain");
        if (chain.length == 0) {
            throw new IllegalArgumentException("the chain needs at least the signer's certificate");
        }
        chain = chain.clone();
    }

    /** The chain, a copy. */
    @Override
    public X509Certificate[] chain() {
        return chain.clone();
    }

    /** The signer's certificate. */
    public X509Certificate certificate() {
        return chain[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningIdentity other && privateKey.equals(other.privateKey)
                && Arrays.equals(chain, other.chain);
    }

    @Override
    public int hashCode() {
        return 31 * privateKey.hashCode() + Arrays.hashCode(chain);
    }

    /** Never prints the key. */
    @Override
    public String toString() {
        return "SigningIdentity[" + certificate().getSubjectX500Principal().getName() + "]";
    }
}
