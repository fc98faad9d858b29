/**
 * 見える化 of the joint use, for its operators: the onboarding plan of a group (五月雨方式) with warnings and a
 * proposed schedule, customization and fit rates side by side with the members' change requests, the grouping
 * advisor, and the cost effect simulation (solo vs joint) with a printable report.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package org.kiban.insight;
