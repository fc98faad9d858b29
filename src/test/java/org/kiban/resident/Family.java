package org.kiban.resident;

import com.jayway.jsonpath.DocumentContext;

import static org.kiban.resident.RegistryClient.atenaNoOf;
import static org.kiban.resident.RegistryClient.householdOf;

/**
 * A household moved in for a test: 世帯主, 妻, 子 (and optionally 父). Names and birth dates vary with
 * {@code seed}; they can repeat across test classes, so the fixture confirms the double-registration warning
 * (that rule has its own test).
 */
final class Family {

    private static final String[] SURNAMES = {"青山", "石田", "上野", "江口", "大塚", "加藤", "木下", "工藤", "小松", "斎藤",
            "佐野", "清水", "菅原", "関口", "高木", "千葉", "土屋", "徳田", "中西", "西村", "野口", "橋本", "平野", "福田",
            "堀内", "松尾", "三浦", "村田", "森本", "矢野", "山口", "横山", "吉川", "若林", "和田", "安藤", "今井", "内田",
            "遠藤", "岡本", "川口", "菊地", "久保", "小池", "酒井", "柴田", "杉山", "園田", "田村", "辻"};
    private static final String[] KANA = {"アオヤマ", "イシダ", "ウエノ", "エグチ", "オオツカ", "カトウ", "キノシタ", "クドウ",
            "コマツ", "サイトウ", "サノ", "シミズ", "スガワラ", "セキグチ", "タカギ", "チバ", "ツチヤ", "トクダ", "ナカニシ",
            "ニシムラ", "ノグチ", "ハシモト", "ヒラノ", "フクダ", "ホリウチ", "マツオ", "ミウラ", "ムラタ", "モリモト", "ヤノ",
            "ヤマグチ", "ヨコヤマ", "ヨシカワ", "ワカバヤシ", "ワダ", "アンドウ", "イマイ", "ウチダ", "エンドウ", "オカモト",
            "カワグチ", "キクチ", "クボ", "コイケ", "サカイ", "シバタ", "スギヤマ", "ソノダ", "タムラ", "ツジ"};

    final String surname;
    final String kana;
    final String head;
    final String wife;
    final String child;
    final String father;
    final String household;
    final int version;
    final DocumentContext result;
    final String address;

    private Family(RegistryClient registry, int seed, boolean withFather, String address, String ward) throws Exception {
        surname = SURNAMES[seed % SURNAMES.length];
        kana = KANA[seed % KANA.length];
        int year = 1960 + seed % 30;
        this.address = address;
        String addressJson = ward == null ? "{\"address\":\"%s\"}".formatted(address)
                : "{\"address\":\"%s\",\"wardLgCode\":\"%s\"}".formatted(address, ward);
        String father = withFather ? """
                ,{"name":"%s 源一","nameKana":"%s ゲンイチ","birthDate":"%d-02-02","sex":"MALE","relationship":"父",
                  "permanentDomicile":"東京都西多摩郡檜原村1番地"}""".formatted(surname, kana, year - 28) : "";
        result = registry.accepted("""
                {"type":"MOVE_IN_DOMESTIC","effectiveDate":"2026-04-01","notifiedOn":"2026-04-01","acknowledgeWarnings":true,
                 "address":%s,"previousAddress":{"address":"東京都八王子市元本郷町三丁目24番1号"},
                 "persons":[
                  {"name":"%s 健","nameKana":"%s ケン","birthDate":"%d-06-15","sex":"MALE","relationship":"世帯主",
                   "permanentDomicile":"東京都西多摩郡檜原村1番地","familyRegisterHead":"%s 健"},
                  {"name":"%s 恵","nameKana":"%s メグミ","birthDate":"%d-09-20","sex":"FEMALE","relationship":"妻",
                   "permanentDomicile":"東京都西多摩郡檜原村1番地","familyRegisterHead":"%s 健"},
                  {"name":"%s 翔","nameKana":"%s ショウ","birthDate":"%d-04-10","sex":"MALE","relationship":"子",
                   "permanentDomicile":"東京都西多摩郡檜原村1番地","familyRegisterHead":"%s 健"}%s]}
                """.formatted(addressJson, surname, kana, year, surname, surname, kana, year + 2, surname, surname, kana,
                year + 28, surname, father));
        head = atenaNoOf(result, surname + "　健");
        wife = atenaNoOf(result, surname + "　恵");
        child = atenaNoOf(result, surname + "　翔");
        this.father = withFather ? atenaNoOf(result, surname + "　源一") : null;
        household = householdOf(result, surname + "　健");
        version = result.read("$.householdVersions." + household);
    }

    static Family moveIn(RegistryClient registry, int seed) throws Exception {
        return new Family(registry, seed, false, "東京都西多摩郡檜原村" + (100 + seed) + "番地", null);
    }

    static Family moveIn(RegistryClient registry, int seed, boolean withFather, String address, String ward) throws Exception {
        return new Family(registry, seed, withFather, address, ward);
    }
}
