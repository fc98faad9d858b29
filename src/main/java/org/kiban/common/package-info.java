/**
 * Shared kernel of Kiban: plain Java 17 value types and utilities with no framework dependency.
 *
 * <ul>
 *   <li>{@link org.kiban.common.InvalidValueException}: every parse/validation failure, with a machine-readable
 *       {@code code()} and a Japanese message for the user.</li>
 *   <li>{@link org.kiban.common.CheckDigits}, {@link org.kiban.common.LgCode},
 *       {@link org.kiban.common.IndividualNumber}, {@link org.kiban.common.JuminhyoCode}: check digits of
 *       standards.md §3.</li>
 *   <li>{@link org.kiban.common.EraTable}, {@link org.kiban.common.JapaneseEra}, {@link org.kiban.common.Wareki}:
 *       元号 as data and 和暦 conversion; {@link org.kiban.common.ResidentDate}: the 住民記録 date with
 *       不詳日 (standards.md §1.4).</li>
 *   <li>{@link org.kiban.common.KanaFolding}, {@link org.kiban.common.VariantFolding},
 *       {@link org.kiban.common.SearchKey}: search keys (standards.md §1.11, §4.2).</li>
 *   <li>{@link org.kiban.common.Yen}: whole-yen amounts.</li>
 *   <li>{@link org.kiban.common.KeyWrapping}: secrets stored encrypted under the deployment's master secret.</li>
 * </ul>
 */
package org.kiban.common;
