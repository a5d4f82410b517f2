#!/usr/bin/env python3
"""Fills i18n/renshe_<lang>.ts from i18n/translations.tsv (source<TAB>en<TAB>ko).

It also names the contexts of the kiosk's C++ classes as they are looked up at run time: a
Q_OBJECT class's tr() asks for its qualified class name ("renshe::kiosk::CardSession"), while
lupdate writes the bare name; without this the view-models' text would stay Chinese.

lupdate keeps the .ts files in step with the code; translators (or this script, for the
strings in the table) supply the text. Run after lupdate:
  /usr/lib/qt6/bin/lupdate qml kiosk -source-language zh_CN -ts i18n/renshe_en.ts i18n/renshe_ko.ts
  python3 i18n/fill_translations.py
"""
import csv
import pathlib
import xml.etree.ElementTree as ET

here = pathlib.Path(__file__).parent
table = {}
with open(here / "translations.tsv", encoding="utf-8") as f:
    for row in csv.reader(f, delimiter="\t"):
        if row and not row[0].startswith("#"):
            row = [cell.replace("\\n", "\n") for cell in row]  # a written \n is a line break
            table[row[0]] = {"en": row[1], "ko": row[2]}

for lang in ("en", "ko"):
    path = here / f"renshe_{lang}.ts"
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", lang)
    missing = []
    for context in root.iter("context"):
        name = context.find("name")
        files = {loc.get("filename", "") for loc in context.iter("location")}
        cpp = files and all(f.startswith("../kiosk/") and f.endswith((".cpp", ".hpp")) for f in files)
        if cpp and "::" not in name.text and name.text != "QObject":
            counter = all(f.startswith("../kiosk/counter/") for f in files)
            name.text = ("renshe::kiosk::counter::" if counter else "renshe::kiosk::") + name.text
    for msg in root.iter("message"):
        src = msg.find("source").text
        tr = msg.find("translation")
        if src in table:
            tr.text = table[src][lang]
            tr.attrib.pop("type", None)
        else:
            missing.append(src)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for m in missing:
        print(f"{lang}: no translation for {m!r}")
