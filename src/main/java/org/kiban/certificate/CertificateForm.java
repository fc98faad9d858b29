package org.kiban.certificate;

/**
 * The standard forms (住民記録システム標準仕様書 第4章 20.x; standards.md §1.12), with their title and 認証文.
 * Every tenant prints the same layout; only the parameters the standard allows differ (name, 職名, seal, fee).
 */
public enum CertificateForm {
    /** 20.1.2 住民票の写し（世帯連記式）: up to four members a sheet, current values only. */
    RESIDENT_COPY_HOUSEHOLD("住民票", "この写しは、世帯全員の住民票の原本と相違ないことを証明する。", "certificate.fee.resident-copy"),
    /** 20.1.1 住民票の写し（個人票）. */
    RESIDENT_COPY_INDIVIDUAL("住民票", "この写しは、住民票の原本と相違ないことを証明する。", "certificate.fee.resident-copy"),
    /** 20.1.3 住民票の除票の写し (個人票 only). */
    REMOVED_RECORD_COPY("住民票の除票", "この写しは、住民票の除票の原本と相違ないことを証明する。", "certificate.fee.removed-record-copy"),
    /** 20.1.4 住民票記載事項証明書. */
    ENTRY_CERTIFICATE("住民票記載事項証明書", "上記の事項は、住民票の原本と相違ないことを証明する。", "certificate.fee.entry-certificate"),
    /** 20.1.4 住民票除票記載事項証明書. */
    REMOVED_ENTRY_CERTIFICATE("住民票除票記載事項証明書", "上記の事項は、住民票の除票の原本と相違ないことを証明する。",
            "certificate.fee.entry-certificate"),
    /** 20.2.1 転出証明書: issued in the flow of the 転出届 (住民基本台帳法施行令第23条). */
    MOVE_OUT_CERTIFICATE("転出証明書", "上記の者は、転出の届出をしたことを証明する。", "certificate.fee.move-out-certificate"),
    /** 20.2.2 転出証明書に準ずる証明書: after 14 days, or for a 職権消除 (j640). */
    MOVE_OUT_EQUIVALENT("転出証明書に準ずる証明書", "上記の者は、転出により住民票を消除されたことを証明する。",
            "certificate.fee.move-out-certificate"),
    /** 印鑑登録証明書 (印鑑登録証明事務処理要領). */
    SEAL_CERTIFICATE("印鑑登録証明書", "この写しは、登録されている印影と相違ないことを証明する。", "certificate.fee.seal-certificate"),
    /**
     * 罹災証明書 (災害対策基本法第90条の2; 統一様式, 内閣府 令和2年3月): issued through
     * {@link CertificateIssuance#issueDisasterCertificate}, never from the registry alone; no fee.
     */
    DISASTER_VICTIM_CERTIFICATE("罹災証明書", "上記のとおり相違ないことを証明します。", null);

    private final String title;
    private final String attestation;
    private final String feeParameter;

    CertificateForm(String title, String attestation, String feeParameter) {
        this.title = title;
        this.attestation = attestation;
        this.feeParameter = feeParameter;
    }

    public String title() {
        return title;
    }

    /** 認証文, printed on the last page only (§1.12). */
    public String attestation() {
        return attestation;
    }

    public String feeParameter() {
        return feeParameter;
    }

    /** Whether the form is about a removed record (除票). */
    public boolean ofRemovedRecord() {
        return this == REMOVED_RECORD_COPY || this == REMOVED_ENTRY_CERTIFICATE || this == MOVE_OUT_EQUIVALENT;
    }
}
