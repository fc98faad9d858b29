package org.kiban.tax.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.kiban.tax.Exemption;
import org.kiban.tax.TaxCalculationRequest;
import org.kiban.tax.TaxCalculationRequest.Dependent;
import org.kiban.tax.TaxCalculationRequest.Disability;
import org.kiban.tax.TaxCalculationRequest.Donation;
import org.kiban.tax.TaxCalculationResult;
import org.kiban.tax.TaxCalculationResult.AppliedMunicipality;
import org.kiban.tax.TaxCalculationResult.DeductionBreakdown;
import org.kiban.tax.TaxCalculationResult.Step;

/**
 * The 個人住民税 calculation for one taxpayer, in the order the law applies the rules (所得 → 所得控除 → 課税標準 →
 * 算出所得割 → 税額控除 → 調整措置 → 端数処理 → 均等割). Pure: the same request and municipality always give the same
 * result. The input must be valid (the tax module's validation checks it first).
 */
public final class ResidentTaxEngine {

    private ResidentTaxEngine() {
    }

    public static TaxCalculationResult calculate(ResidentTaxRules rules, TaxCalculationRequest in, AppliedMunicipality m) {
        return new Run(rules, in, m).calculate();
    }

    /** Legal age on {@code date} (年齢計算ニ関スル法律: a year is complete on the day before the birthday). */
    public static int ageOn(LocalDate birthDate, LocalDate date) {
        return Period.between(birthDate, date.plusDays(1)).getYears();
    }

    /** 1, 2 or 3 from a 級地 such as {@code 2級地-1}. */
    public static int gradeOf(String livingCostGrade) {
        return livingCostGrade.charAt(0) - '0';
    }

    public static long milliPercent(java.math.BigDecimal pct) {
        return pct.movePointRight(3).longValueExact();
    }

    private static long v(Long amount) {
        return amount == null ? 0 : amount;
    }

    private static boolean b(Boolean flag) {
        return flag != null && flag;
    }

    private static Disability d(Disability disability) {
        return disability == null ? Disability.NONE : disability;
    }

    /** 1,234,567円 (String.format is ten times slower, and a city has a million taxpayers). */
    static String yen(long amount) {
        String digits = Long.toString(Math.abs(amount));
        StringBuilder s = new StringBuilder(digits.length() + 6);
        if (amount < 0) {
            s.append('-');
        }
        int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        s.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            s.append(',').append(digits, i, i + 3);
        }
        return s.append('円').toString();
    }

    private static final class Run {
        private final ResidentTaxRules r;
        private final TaxCalculationRequest in;
        private final AppliedMunicipality m;
        private final List<Step> steps = new ArrayList<>();
        private final LocalDate yearEnd;

        Run(ResidentTaxRules rules, TaxCalculationRequest in, AppliedMunicipality m) {
            this.r = rules;
            this.in = in;
            this.m = m;
            this.yearEnd = LocalDate.of(rules.incomeYear(), 12, 31);
        }

        private void step(String item, long amount, String detail, String basis) {
            steps.add(new Step(item, amount, detail, basis));
        }

        private int age(LocalDate birth) {
            return ageOn(birth, yearEnd);
        }

        TaxCalculationResult calculate() {
            TaxCalculationRequest.Taxpayer tp = in.taxpayer();
            TaxCalculationRequest.Income inc = in.income() == null
                    ? new TaxCalculationRequest.Income(null, null, null, null, null) : in.income();
            TaxCalculationRequest.Deductions ded = in.deductions() == null
                    ? new TaxCalculationRequest.Deductions(null, null, null, null, null, null, null) : in.deductions();
            List<Dependent> relatives = in.dependents() == null ? List.of() : in.dependents();
            boolean designated = m.designatedCitySplit();
            long limit = r.dependantIncomeLimit();
            Disability selfDisability = d(tp.disability());

            // ---- 所得
            long salaryRevenue = v(inc.salaryRevenue());
            long salary0 = r.salaryIncome(salaryRevenue);
            if (salaryRevenue > 0) {
                step("給与所得", salary0, "給与収入 " + yen(salaryRevenue) + " から給与所得控除後の金額（" + r.incomeYear()
                        + "年分の表）", "地方税法第32条第2項・第313条第2項、所得税法第28条・別表第五");
            }
            boolean spouseSameLivelihood = in.spouse() != null && v(in.spouse().totalIncome()) <= limit;
            boolean carer = selfDisability == Disability.SPECIAL || selfDisability == Disability.SPECIAL_COHABITING
                    || (spouseSameLivelihood && special(in.spouse().disability()))
                    || relatives.stream().anyMatch(x -> v(x.totalIncome()) <= limit
                    && (special(x.disability()) || age(x.birthDate()) < 23));
            long adjA = r.incomeAdjustmentForCarers(salaryRevenue, carer);
            long salaryAfterA = Math.max(0, salary0 - adjA);
            long others = v(inc.businessIncome()) + v(inc.miscIncome()) + v(inc.dividendIncome());
            long pensionRevenue = v(inc.pensionRevenue());
            int selfAge = age(tp.birthDate());
            long pension = r.publicPensionIncome(pensionRevenue, selfAge >= 65, Math.max(0, salaryAfterA + others));
            if (pensionRevenue > 0) {
                step("公的年金等に係る雑所得", pension, "公的年金等の収入 " + yen(pensionRevenue) + "（"
                        + (selfAge >= 65 ? "65歳以上" : "65歳未満") + "）から公的年金等控除後の金額",
                        "所得税法第35条第4項、租税特別措置法第41条の15の3");
            }
            long adjB = r.incomeAdjustmentForPensioners(salaryAfterA, pension);
            long salaryIncome = Math.max(0, salaryAfterA - adjB);
            long incomeAdjustment = adjA + adjB;
            if (incomeAdjustment > 0) {
                step("所得金額調整控除", incomeAdjustment, "給与所得から差し引く額（子・特別障害者等 " + yen(adjA)
                        + "、給与と年金の両方 " + yen(adjB) + "）", "租税特別措置法第41条の3の3（地方税法附則による）");
            }
            long totalIncome = Math.max(0, salaryIncome + pension + others);
            long aggregate = totalIncome;
            step("合計所得金額", totalIncome, "給与所得 " + yen(salaryIncome) + " ＋ 年金所得 " + yen(pension)
                    + " ＋ その他の所得 " + yen(others), "地方税法第292条第1項第13号");

            // ---- 所得控除
            long basic = r.basicDeduction(totalIncome);
            long spouse = 0;
            long spouseSpecial = 0;
            long diff = basic > 0 ? r.personalDeductionDifferenceBasic() : 0;
            long disability = r.disabilityDeduction(selfDisability, true);
            diff += r.personalDeductionDifferenceDisability(selfDisability == Disability.SPECIAL_COHABITING
                    ? Disability.SPECIAL : selfDisability);
            int headcount = 0;
            if (in.spouse() != null) {
                long si = v(in.spouse().totalIncome());
                boolean elderly = age(in.spouse().birthDate()) >= 70;
                spouse = r.spouseDeduction(totalIncome, si, elderly);
                spouseSpecial = r.spouseSpecialDeduction(totalIncome, si);
                if (spouse > 0) {
                    diff += r.personalDeductionDifferenceSpouse(totalIncome, elderly);
                }
                if (spouseSpecial > 0) {
                    diff += r.personalDeductionDifferenceSpouseSpecial(totalIncome, si);
                }
                if (spouseSameLivelihood) {
                    headcount++;
                    disability += r.disabilityDeduction(d(in.spouse().disability()), false);
                    diff += r.personalDeductionDifferenceDisability(d(in.spouse().disability()));
                }
            }
            long dependants = 0;
            long specificRelative = 0;
            for (Dependent x : relatives) {
                long xi = v(x.totalIncome());
                int xa = age(x.birthDate());
                if (xi <= limit) {
                    headcount++;
                    ResidentTaxRules.DependantKind kind = r.dependantKind(xa, b(x.cohabiting()) && b(x.linealAscendant()));
                    dependants += r.dependantDeduction(kind);
                    diff += r.personalDeductionDifferenceDependant(kind);
                    disability += r.disabilityDeduction(d(x.disability()), false);
                    diff += r.personalDeductionDifferenceDisability(d(x.disability()));
                } else {
                    long s = r.specificRelativeDeduction(totalIncome, xa, xi);
                    if (s > 0) {
                        specificRelative += s;
                        diff += r.personalDeductionDifferenceSpecificRelative(xi);
                    }
                }
            }
            long widowOrSingle = r.widowOrSingleParentDeduction(b(tp.widow()), b(tp.singleParent()), totalIncome);
            if (widowOrSingle > 0) {
                diff += r.personalDeductionDifferenceWidowOrSingleParent(b(tp.widow()), b(tp.singleParent()),
                        tp.sex() == TaxCalculationRequest.Sex.MALE);
            }
            long student = r.workingStudentDeduction(b(tp.workingStudent()), totalIncome);
            if (student > 0) {
                diff += r.personalDeductionDifferenceWorkingStudent();
            }
            TaxCalculationRequest.LifeInsurance li = ded.lifeInsurance();
            long life = li == null ? 0 : r.lifeInsuranceDeduction(
                    r.lifeInsuranceCategory(v(li.newGeneral()), v(li.oldGeneral())),
                    r.lifeInsuranceNew(v(li.newCareMedical())),
                    r.lifeInsuranceCategory(v(li.newPension()), v(li.oldPension())));
            long quake = r.earthquakeInsuranceDeduction(v(ded.earthquakeInsurance()), v(ded.oldLongTermInsurance()));
            long medical = r.medicalDeduction(v(ded.medicalExpenses()), aggregate);
            TaxCalculationRequest.CasualtyLoss cl = ded.casualtyLoss();
            long casualty = cl == null ? 0 : r.casualtyLossDeduction(v(cl.loss()), v(cl.reimbursed()),
                    v(cl.disasterRelatedExpenses()), aggregate);
            DeductionBreakdown deductions = new DeductionBreakdown(casualty, basic, spouse, spouseSpecial, dependants,
                    specificRelative, v(ded.socialInsurance()), v(ded.smallBusinessMutualAid()), life, quake, medical,
                    disability, widowOrSingle, student);
            explainDeductions(deductions);
            long totalDeductions = deductions.total();
            step("所得控除の合計", totalDeductions, "", "地方税法第34条・第314条の2");

            long taxable = r.taxableIncome(aggregate, totalDeductions);
            step("課税総所得金額", taxable, "総所得金額等 " + yen(aggregate) + " − 所得控除 " + yen(totalDeductions)
                    + "（1,000円未満切捨て）", "地方税法第20条の4の2第1項");

            // ---- 非課税
            int grade = gradeOf(m.livingCostGrade());
            boolean minor = ageOn(tp.birthDate(), LocalDate.of(r.taxYear(), 1, 1)) < r.ageOfMajority();
            boolean personal = selfDisability != Disability.NONE || minor || b(tp.widow()) || b(tp.singleParent());
            Exemption exemption = Exemption.NONE;
            if (b(tp.publicAssistance())) {
                exemption = Exemption.ALL;
                step("非課税", 0, "生活保護法による生活扶助を受けているため、均等割・所得割とも非課税", "地方税法第295条第1項第1号");
            } else if (personal && totalIncome <= r.personalExemptionIncomeLimit()) {
                exemption = Exemption.ALL;
                step("非課税", r.personalExemptionIncomeLimit(), "障害者・未成年者・寡婦・ひとり親で合計所得金額が "
                        + yen(r.personalExemptionIncomeLimit()) + " 以下のため非課税", "地方税法第295条第1項第2号");
            } else {
                long perCapitaLimit = r.perCapitaExemptionLimit(grade, headcount);
                long incomeLevyLimit = r.incomeLevyExemptionLimit(headcount);
                if (totalIncome <= perCapitaLimit) {
                    exemption = Exemption.ALL;
                    step("非課税", perCapitaLimit, "合計所得金額が " + m.livingCostGrade() + "・同一生計配偶者と扶養親族 "
                            + headcount + " 人の限度額 " + yen(perCapitaLimit) + " 以下のため、均等割・所得割とも非課税",
                            "地方税法第295条第3項、同法施行令第47条の3、条例");
                } else if (aggregate <= incomeLevyLimit) {
                    exemption = Exemption.INCOME_LEVY;
                    step("所得割非課税", incomeLevyLimit, "総所得金額等が限度額 " + yen(incomeLevyLimit)
                            + "（扶養等 " + headcount + " 人）以下のため、所得割は非課税", "地方税法附則第3条の3第1項");
                }
            }

            // ---- 所得割
            long cityRate = milliPercent(m.cityRatePct());
            long prefRate = milliPercent(m.prefRatePct());
            long cityBefore = r.incomeLevy(taxable, cityRate);
            long prefBefore = r.incomeLevy(taxable, prefRate);
            step("市町村民税 算出所得割額", cityBefore, yen(taxable) + " × " + m.cityRatePct().toPlainString()
                    + "%（1円未満切捨て）", "地方税法第314条の3");
            step("道府県民税 算出所得割額", prefBefore, yen(taxable) + " × " + m.prefRatePct().toPlainString()
                    + "%（1円未満切捨て）", "地方税法第35条");
            long adjCity = 0, adjPref = 0, divCity = 0, divPref = 0, homeCity = 0, homePref = 0;
            long donCity = 0, donPref = 0, oneStopCity = 0, oneStopPref = 0;
            long reliefCity = 0, reliefPref = 0, cityLevy = 0, prefLevy = 0;
            if (exemption == Exemption.NONE) {
                long adjBase = r.adjustmentCreditBase(totalIncome, taxable, diff);
                long[] adjRates = r.adjustmentCreditRates(designated);
                adjCity = Math.min(cityBefore, adjBase * adjRates[0] / 100_000);
                adjPref = Math.min(prefBefore, adjBase * adjRates[1] / 100_000);
                step("調整控除", adjCity + adjPref, "人的控除額の差の合計 " + yen(diff) + "、合計課税所得金額 " + yen(taxable)
                        + " から求めた " + yen(adjBase) + " の5%（市 " + yen(adjCity) + "・県 " + yen(adjPref) + "）",
                        "地方税法第37条・第314条の6");
                long city = cityBefore - adjCity;
                long pref = prefBefore - adjPref;
                long cityAfterAdjustment = city;
                long prefAfterAdjustment = pref;

                long[] div = r.dividendCredit(v(inc.dividendIncome()), taxable, designated);
                divCity = Math.min(city, div[0]);
                divPref = Math.min(pref, div[1]);
                city -= divCity;
                pref -= divPref;
                if (divCity + divPref > 0) {
                    step("配当控除", divCity + divPref, "配当所得 " + yen(v(inc.dividendIncome())) + " に対する控除",
                            "地方税法附則第5条");
                }

                TaxCalculationRequest.Credits credits = in.credits();
                if (credits != null && v(credits.housingLoan()) > 0) {
                    long base = credits.housingLoanIncomeTaxBase() == null ? taxable : credits.housingLoanIncomeTaxBase();
                    long[] home = r.housingLoanCredit(v(credits.housingLoan()), base, designated);
                    homeCity = Math.min(city, home[0]);
                    homePref = Math.min(pref, home[1]);
                    city -= homeCity;
                    pref -= homePref;
                    step("住宅借入金等特別税額控除", homeCity + homePref, "所得税で控除しきれなかった額 "
                            + yen(v(credits.housingLoan())) + "（上限 課税総所得金額等の5%・97,500円）",
                            "地方税法附則第5条の4の2");
                }

                long donations = 0;
                long furusato = 0;
                if (credits != null && credits.donations() != null) {
                    for (Donation g : credits.donations()) {
                        donations += v(g.amount());
                        if (b(g.furusato())) {
                            furusato += v(g.amount());
                        }
                    }
                }
                if (donations > 2_000) {
                    long base = r.donationBasicBase(donations, aggregate);
                    long[] rates = r.donationBasicRates(designated);
                    long basicCity = base * rates[0] / 100_000;
                    long basicPref = base * rates[1] / 100_000;
                    long specialCity = 0;
                    long specialPref = 0;
                    if (furusato > 2_000 && taxable > 0) {
                        long ratio = r.furusatoSpecialRatio(taxable, diff);
                        long[] share = r.furusatoSpecialShares(designated);
                        specialCity = Math.min((furusato - 2_000) * ratio * share[0] / (100_000L * 5),
                                cityAfterAdjustment * 20 / 100);
                        specialPref = Math.min((furusato - 2_000) * ratio * share[1] / (100_000L * 5),
                                prefAfterAdjustment * 20 / 100);
                        step("寄附金税額控除（特例控除額）", specialCity + specialPref, "(ふるさと納税 " + yen(furusato)
                                + " − 2,000円) × " + java.math.BigDecimal.valueOf(ratio, 3).toPlainString()
                                + "%、所得割額（調整控除後）の20%が限度", "地方税法第37条の2第2項・第314条の7第2項、附則第5条の6");
                    }
                    donCity = Math.min(city, basicCity + specialCity);
                    donPref = Math.min(pref, basicPref + specialPref);
                    city -= donCity;
                    pref -= donPref;
                    step("寄附金税額控除（基本控除額）", basicCity + basicPref, "(寄附金 " + yen(donations)
                            + "（総所得金額等の30%が限度） − 2,000円) × 10%", "地方税法第37条の2第1項・第314条の7第1項");
                    if (b(credits.oneStopSpecialException()) && specialCity + specialPref > 0) {
                        long[] q = r.oneStopSpecialExceptionRatio(taxable, diff);
                        oneStopCity = Math.min(city, specialCity * q[0] / q[1]);
                        oneStopPref = Math.min(pref, specialPref * q[0] / q[1]);
                        city -= oneStopCity;
                        pref -= oneStopPref;
                        step("申告特例控除額", oneStopCity + oneStopPref, "ふるさと納税ワンストップ特例: 特例控除額（市 "
                                + yen(specialCity) + "・県 " + yen(specialPref) + "） × "
                                + java.math.BigDecimal.valueOf(q[0], 3).stripTrailingZeros().toPlainString() + "/"
                                + java.math.BigDecimal.valueOf(q[1], 3).stripTrailingZeros().toPlainString()
                                + "（市 " + yen(oneStopCity) + "・県 " + yen(oneStopPref) + "、1円未満切捨て）",
                                "地方税法附則第5条の7");
                    }
                }

                long levy = city + pref;
                long incomeLevyLimit = r.incomeLevyExemptionLimit(headcount);
                if (levy > 0 && aggregate - levy < incomeLevyLimit) {
                    long relief = Math.min(levy, incomeLevyLimit - (aggregate - levy));
                    reliefCity = relief * city / levy;
                    reliefPref = relief - reliefCity;
                    city -= reliefCity;
                    pref -= reliefPref;
                    step("所得割の調整措置", relief, "総所得金額等から所得割額を引いた額が非課税限度額 " + yen(incomeLevyLimit)
                            + " を下回らないよう減額", "地方税法附則第3条の3第4項・第5項");
                }
                cityLevy = ResidentTaxRules.roundDownTo100(city);
                prefLevy = ResidentTaxRules.roundDownTo100(pref);
            }
            step("市町村民税 所得割額", cityLevy, "税額控除後（100円未満切捨て）", "地方税法第20条の4の2第3項");
            step("道府県民税 所得割額", prefLevy, "税額控除後（100円未満切捨て）", "地方税法第20条の4の2第3項");

            // ---- 均等割・森林環境税
            boolean perCapita = exemption != Exemption.ALL;
            long cityPc = perCapita ? m.cityPerCapita() : 0;
            long prefPc = perCapita ? m.prefPerCapita() : 0;
            long forest = perCapita ? m.forestEnvironmentTax() : 0;
            step("均等割", cityPc + prefPc, "市町村民税 " + yen(cityPc) + "・道府県民税 " + yen(prefPc)
                    + "（超過課税を含む）", "地方税法第310条・第38条、条例");
            step("森林環境税", forest, "国税、均等割とあわせて賦課", "森林環境税及び森林環境譲与税に関する法律第5条");
            long annual = cityLevy + prefLevy + cityPc + prefPc + forest;
            step("年税額", annual, "所得割 + 均等割 + 森林環境税", "");

            return new TaxCalculationResult(r.taxYear(), r.version(), m, salaryIncome, pension, incomeAdjustment,
                    totalIncome, aggregate, deductions, totalDeductions, taxable, cityBefore, prefBefore, adjCity,
                    adjPref, divCity, divPref, homeCity, homePref, donCity, donPref, oneStopCity, oneStopPref,
                    reliefCity, reliefPref, cityLevy,
                    prefLevy, cityPc, prefPc, forest, exemption, annual, List.copyOf(steps));
        }

        private static boolean special(Disability x) {
            return x == Disability.SPECIAL || x == Disability.SPECIAL_COHABITING;
        }

        private void explainDeductions(DeductionBreakdown x) {
            String base = "地方税法第314条の2第1項";
            if (x.casualtyLoss() > 0) {
                TaxCalculationRequest.CasualtyLoss cl = in.deductions().casualtyLoss();
                long net = Math.max(0, v(cl.loss()) - v(cl.reimbursed()));
                step("雑損控除", x.casualtyLoss(), "差引損失額 " + yen(net) + "（損失の金額 " + yen(v(cl.loss()))
                        + " − 保険金等で補填される金額 " + yen(v(cl.reimbursed())) + "）から、総所得金額等の10分の1を超える額と"
                        + "災害関連支出のうち5万円を超える額の多い方。控除しきれない額の繰越しは計算していません",
                        base + "第1号、所得税法第72条第1項");
            }
            deduction("社会保険料控除", x.socialInsurance(), base + "第3号");
            deduction("小規模企業共済等掛金控除", x.smallBusinessMutualAid(), base + "第4号");
            deduction("生命保険料控除", x.lifeInsurance(), base + "第5号");
            deduction("地震保険料控除", x.earthquakeInsurance(), base + "第5号の2");
            deduction("医療費控除", x.medical(), base + "第2号");
            deduction("障害者控除", x.disability(), base + "第6号");
            deduction("寡婦控除・ひとり親控除", x.widowOrSingleParent(), base + "第8号・第8号の2");
            deduction("勤労学生控除", x.workingStudent(), base + "第9号");
            deduction("配偶者控除", x.spouse(), base + "第10号");
            deduction("配偶者特別控除", x.spouseSpecial(), base + "第10号の2");
            deduction("扶養控除", x.dependents(), base + "第11号");
            deduction("特定親族特別控除", x.specificRelative(), base + "第11号の2");
            deduction("基礎控除", x.basic(), "地方税法第314条の2第2項");
        }

        private void deduction(String item, long amount, String basis) {
            if (amount > 0) {
                step(item, amount, "", basis);
            }
        }
    }
}
