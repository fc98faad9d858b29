/**
 * 災害: mutual aid between member municipalities (相互応援協定, 災害対策基本法第67条) — agreements, disasters declared
 * by a member, and the narrow gate through which staff of the other parties look up the affected municipality's
 * residents, record damage in its 被災者台帳 and issue its 罹災証明書, for the agreed period only, every access
 * audited to both municipalities.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disaster")
package org.kiban.disaster;
