package org.kiban.seal;

import java.util.List;

/** 印鑑登録 of the current tenant. */
public interface SealRegistry {

    /** Registers a resident's seal: resident of the tenant, 15 or older, none registered yet, 8 to 25 mm square. */
    SealRegistration register(String atenaNo, byte[] pngImage, double widthMm, double heightMm);

    List<SealRegistration> ofPerson(String atenaNo);

    SealRegistration get(long registrationNo);

    /** Abolishes on request (廃止申請) or ex officio. */
    SealRegistration abolish(long registrationNo, String reason);

    /**
     * The active registration the presented 印鑑登録証 belongs to, for an 印鑑登録証明書: the card must be the
     * person's current one (a certificate is issued only on presentation of the card).
     */
    SealRegistration forCertificate(String atenaNo, String cardNo);
}
