/**
 * 介護保険: 第1号被保険者 status kept automatically from the resident registry (資格取得・喪失, 住所地特例,
 * 適用除外), premiums by income stage where each municipality's stage table, base amount and rounding are
 * parameters, collection (特別徴収・普通徴収), and the 要介護認定 workflow.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care insurance")
package org.kiban.care;
