package org.kiban.tenancy;

import java.time.LocalDate;

/**
 * A municipality that uses this deployment.
 *
 * @param lgCode                    its 全国地方公共団体コード
 * @param name                      its name
 * @param kind                      its kind
 * @param state                     where it is in its lifecycle
 * @param plannedOn                 when it was registered
 * @param migrationStartedOn        when migration started
 * @param liveOn                    go-live date
 * @param exitedOn                  exit date
 * @param previousSystemContractEnd when the contract of its previous system ends (システム更改時期)
 * @param mayorTitle                the head's 職名 as certificates print it: with the 都道府県名, also for
 *                                  designated cities and special wards (標準仕様書 5.6), e.g. 神奈川県横浜市長
 * @param mayorName                 the head's name, or null while not set
 */
public record Tenant(String lgCode, String name, LocalGovernmentKind kind, TenantState state, LocalDate plannedOn,
                     LocalDate migrationStartedOn, LocalDate liveOn, LocalDate exitedOn,
                     LocalDate previousSystemContractEnd, String mayorTitle, String mayorName) {
}
