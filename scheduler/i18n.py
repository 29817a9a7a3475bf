"""Labels of the command-line summary and reports in Russian, Kazakh and English."""

from __future__ import annotations

LANGS = ("ru", "kk", "en")

LABELS: dict[str, dict[str, str]] = {
    "summary": {"ru": "Итоги", "kk": "Қорытынды", "en": "Summary"},
    "status": {"ru": "Статус", "kk": "Мәртебе", "en": "Status"},
    "objective": {"ru": "Целевая функция (штраф)", "kk": "Мақсат функциясы (айыппұл)",
                  "en": "Objective (cost)"},
    "bound": {"ru": "Нижняя граница", "kk": "Төменгі шек", "en": "Best bound"},
    "gap": {"ru": "Разрыв", "kk": "Алшақтық", "en": "Gap"},
    "time": {"ru": "Время, с", "kk": "Уақыт, с", "en": "Time, s"},
    "meetings": {"ru": "Встречи", "kk": "Кездесулер", "en": "Meetings"},
    "quarter": {"ru": "Квартал", "kk": "Тоқсан", "en": "Quarter"},
    "ministry": {"ru": "Министерство / акимат", "kk": "Министрлік / әкімдік",
                 "en": "Ministry / akimat"},
    "region": {"ru": "Регион", "kk": "Өңір", "en": "Region"},
    "substitutions": {"ru": "Замены заместителями", "kk": "Орынбасарлар алмастыруы",
                      "en": "Deputy substitutions"},
    "out_of_schedule": {"ru": "Внеплановые встречи", "kk": "Кестеден тыс кездесулер",
                        "en": "Out-of-schedule meetings"},
    "issues_met": {"ru": "Актуальные вопросы (вес учтён / всего)",
                   "kk": "Өзекті мәселелер (ескерілген салмақ / барлығы)",
                   "en": "Topical issues (weight met / total)"},
    "rule": {"ru": "Правило", "kk": "Ереже", "en": "Rule"},
    "cost": {"ru": "Штраф", "kk": "Айыппұл", "en": "Cost"},
    "violations": {"ru": "Нарушения", "kk": "Бұзушылықтар", "en": "Violations"},
    "message": {"ru": "Описание", "kk": "Сипаттама", "en": "Description"},
    "total": {"ru": "Всего", "kk": "Барлығы", "en": "Total"},
    "written": {"ru": "Записано", "kk": "Жазылды", "en": "Written"},
    "check_ok": {"ru": "Проверка: все жёсткие правила соблюдены",
                 "kk": "Тексеру: барлық қатаң ережелер сақталды",
                 "en": "Check: every hard rule holds"},
    "check_failed": {"ru": "Проверка: нарушены жёсткие правила",
                     "kk": "Тексеру: қатаң ережелер бұзылды",
                     "en": "Check: hard rules are broken"},
    "no_calendar": {"ru": "Календарь не найден", "kk": "Күнтізбе табылмады",
                    "en": "No calendar found"},
    "OPTIMAL": {"ru": "оптимален (доказано)", "kk": "оңтайлы (дәлелденді)",
                "en": "optimal (proven)"},
    "FEASIBLE": {"ru": "допустимый, оптимальность не доказана",
                 "kk": "рұқсат етілген, оңтайлылығы дәлелденбеген",
                 "en": "feasible, not proven optimal"},
    "INFEASIBLE": {"ru": "невыполним: жёсткие правила несовместимы",
                   "kk": "орындалмайды: қатаң ережелер үйлеспейді",
                   "en": "infeasible: the hard rules cannot all hold"},
    "UNKNOWN": {"ru": "за отведённое время решение не найдено",
                "kk": "берілген уақытта шешім табылмады",
                "en": "no calendar found within the time limit"},
    "MODEL_INVALID": {"ru": "внутренняя ошибка модели", "kk": "модельдің ішкі қатесі",
                      "en": "internal model error"},
}


def t(key: str, lang: str) -> str:
    """The label of ``key`` in ``lang`` (every key has all three languages)."""
    return LABELS[key][lang]
