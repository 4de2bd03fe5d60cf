#include "core/presentation.hpp"

#include <unicode/locid.h>

#include <algorithm>

namespace anteroom {

namespace {
std::string pseudo_transform(const std::string& pseudo, std::string text);
}

namespace {
const ShownText kNoText;
}

const ShownText& ShownItem::text(std::string_view key) const {
    for (size_t i = 0; i < list->fields.size(); ++i)
        if (list->fields[i].key == key) return texts[i];
    return kNoText;
}

const ShownText& ShownScreen::text(std::string_view key) const {
    const int i = kind->field_index(key);
    return i < 0 ? kNoText : texts[static_cast<size_t>(i)];
}

const ShownItem* ShownScreen::item(std::string_view id) const {
    for (const ShownItem& it : items)
        if (it.id == id) return &it;
    return nullptr;
}

std::string ShownScreen::plain() const {
    std::string out;
    auto add = [&out](const ShownText& t) {
        if (t.empty()) return;
        if (!out.empty()) out += '\n';
        out += t.plain();
    };
    for (const ShownText& t : texts) add(t);
    for (const ShownItem& item : items)
        for (const ShownText& t : item.texts) add(t);
    return out;
}

Params clinic_params(const ClinicConfig& c) {
    auto yes_no = [](bool b) { return ParamValue(std::string(b ? "yes" : "no")); };
    Params p = {
        {"clinic_name", c.clinic_name},
        {"clinic_phone", c.clinic_phone},
        {"crisis_line", c.crisis_line},
        {"emergency_number", c.emergency_number},
        {"fasting_hours", c.fasting_hours},
        {"clear_fluids_hours", c.clear_fluids_hours},
        {"monitoring_minutes", c.monitoring_minutes},
        {"visit_minutes", c.visit_minutes},
        {"infusion_minutes", c.infusion_minutes},
        {"sessions_min", c.sessions_min},
        {"sessions_max", c.sessions_max},
        {"therapist_during_dose", yes_no(c.therapist_during_dose)},
        {"cost_note", c.cost_note},
        {"has_cost_note", yes_no(!c.cost_note.empty())},
    };
    // Route-aware text: {offers_nasal, select, yes {...} other {}} shows only where the route is offered.
    auto offers = [&c](const std::string& route) {
        return std::find(c.routes_offered.begin(), c.routes_offered.end(), route) != c.routes_offered.end();
    };
    for (const std::string& route : kRouteIds) p["offers_" + route] = yes_no(offers(route));
    // Ketamine itself (not esketamine): any route but the nasal spray.
    p["offers_ketamine"] = yes_no(offers("iv") || offers("im") || offers("lozenge"));
    return p;
}

Presentation::Interface* Presentation::find(const std::string& key) const {
    auto it = interface_.find(key);
    if (it == interface_.end()) return nullptr;  // validate() makes this unreachable for bundled keys
    if (!it->second.message) it->second.message = std::make_shared<Message>(it->second.pattern, icu_locale);
    return &it->second;
}

const std::string& Presentation::text(const std::string& key) const {
    Interface* i = find(key);
    if (!i) return interface_.emplace(key, Interface{key, nullptr, key}).first->second.plain.value();
    if (!i->plain) i->plain = pseudo_transform(pseudo_, i->message->format(clinic_params_));
    return *i->plain;
}

std::string Presentation::text(const std::string& key, const Params& extra) const {
    const Interface* i = find(key);
    if (!i) return key;
    if (extra.empty()) return text(key);
    Params all = clinic_params_;
    for (const auto& [name, value] : extra) all[name] = value;
    return pseudo_transform(pseudo_, i->message->format(all));
}

std::string Presentation::number(double value) const { return pseudo_transform(pseudo_, numbers_->format(value)); }

std::string Presentation::all_text() const {
    std::string out;
    for (const auto& [key, pattern] : interface_) out += text(key) + "\n";
    for (const auto& m : modules) {
        out += m.title + "\n" + m.summary + "\n";
        for (const auto& s : m.screens) out += s.plain() + "\n";
    }
    return out;
}

namespace {

bool is_pseudo(const std::string& locale) {
    return std::find(kPseudoLocales.begin(), kPseudoLocales.end(), locale) != kPseudoLocales.end();
}

// en-XA: every letter accented and the text about 40 % longer, so overflow shows up before
// any translator's work does. Works on shown text, after formatting and Markdown.
std::string accent_and_stretch(const std::string& text) {
    static const std::map<char, std::string> accented = {
        {'a', "á"}, {'e', "é"}, {'i', "í"}, {'o', "ö"}, {'u', "ü"}, {'y', "ý"}, {'n', "ñ"}, {'c', "ç"},
        {'A', "Å"}, {'E', "É"}, {'I', "Î"}, {'O', "Ö"}, {'U', "Û"}, {'Y', "Ý"}, {'N', "Ñ"}, {'C', "Ç"}};
    std::string out;
    for (char c : text) {
        auto it = accented.find(c);
        out += it == accented.end() ? std::string(1, c) : it->second;
        if (std::string_view("aeiouAEIOUnrs").find(c) != std::string_view::npos) out += it == accented.end() ? std::string(1, c) : it->second;
    }
    return out;
}

// ar-XB: English forced right to left, to check mirroring without reading Arabic.
std::string force_rtl(const std::string& text) { return text.empty() ? text : "\u202E" + text + "\u202C"; }

std::string pseudo_transform(const std::string& pseudo, std::string text) {
    if (pseudo == "en-XA") return accent_and_stretch(text);
    if (pseudo == "ar-XB") return force_rtl(text);
    return text;
}

struct Resolver {
    const Params& params;
    const std::string& icu_locale;
    const Catalog* catalog;  // null: English
    std::string pseudo;      // a pseudo-locale, or empty

    std::string transform(std::string text) const { return pseudo_transform(pseudo, std::move(text)); }
    const std::string& source(const Text& t) const {
        const std::string* translated = catalog ? translation_of(*catalog, t) : nullptr;
        return translated ? *translated : t.source;
    }
    std::string line(const Text& t) const { return transform(format_message(source(t), params, icu_locale)); }
    ShownText shown(const Text& t) const {
        if (t.empty()) return {};
        if (!t.markdown) return {line(t), {}};
        RichText r = parse_markdown(format_message(source(t), params, icu_locale));
        for (Block& b : r.blocks)
            for (Span& span : b.spans) span.text = transform(span.text);
        return {{}, std::move(r)};
    }
};

// The locale ICU formats with: Arabic keeps Latin digits unless the clinic asks otherwise.
std::string icu_locale_for(const std::string& locale, const ClinicConfig& config) {
    if (is_pseudo(locale)) return "en";
    if (locale.starts_with("ar") && !config.arabic_digits) return locale + "-u-nu-latn";
    return locale;
}

bool offered(const ClinicConfig& config, const std::string& route) {
    return std::find(config.routes_offered.begin(), config.routes_offered.end(), route) != config.routes_offered.end();
}

bool module_complete(const ModuleSource& m, const Catalog* catalog) {
    return !catalog || coverage(*catalog, module_texts(m)).complete();
}

}  // namespace

Presentation present(const ContentSource& content, const ClinicConfig& config, const std::string& locale,
                     const Translations& translations, const LanguageNames& languages) {
    Presentation p;
    p.locale = locale;
    p.icu_locale = icu_locale_for(locale, config);
    p.rtl = icu::Locale(locale.c_str()).isRightToLeft();
    p.clinic_params_ = clinic_params(config);
    p.numbers_ = std::make_shared<NumberFormatter>(p.icu_locale);
    p.language_names_ = languages;
    const Catalog* catalog = translations.find(locale);
    // The fallback for modules not (yet) translated: the clinic's choice if it is complete.
    const Catalog* fallback = translations.find(config.fallback_locale);
    const std::string fallback_locale = fallback ? config.fallback_locale : "en";
    const Resolver here{p.clinic_params_, p.icu_locale, catalog, is_pseudo(locale) ? locale : ""};
    p.pseudo_ = here.pseudo;
    for (const auto& [key, t] : content.interface) p.interface_[key] = {here.source(t), nullptr, std::nullopt};
    for (const ModuleSource& m : content.modules) {
        const bool translated = module_complete(m, catalog);
        const bool use_fallback = !translated && module_complete(m, fallback);
        const std::string module_locale = translated ? locale : use_fallback ? fallback_locale : std::string("en");
        const std::string module_icu = translated ? p.icu_locale : icu_locale_for(module_locale, config);
        const Resolver r = translated ? here : Resolver{p.clinic_params_, module_icu, use_fallback ? fallback : nullptr, ""};
        ShownModule shown{m.id, module_locale, r.line(m.title), r.line(m.summary), p.text("home.minutes", {{"minutes", double(m.minutes)}}),
                          "", m.minutes, {}, m.version};
        if (module_locale != locale)  // said in the patient's language, before they open it
            shown.fallback_note = p.text("home.fallback", {{"language", locale_name_in(module_locale, locale)}});
        for (const ScreenSource& s : m.screens) {
            ShownScreen screen{s.id, s.kind, {}, {}, s.ref};
            for (const Text& t : s.texts) screen.texts.push_back(r.shown(t));
            for (const ItemSource& item : s.items) {
                if (s.kind->list.by_route && !offered(config, item.id)) continue;
                ShownItem shown_item{item.id, &s.kind->list, {}, item.flag};
                for (const Text& t : item.texts) shown_item.texts.push_back(r.shown(t));
                screen.items.push_back(std::move(shown_item));
            }
            shown.screens.push_back(std::move(screen));
        }
        p.modules.push_back(std::move(shown));
    }
    return p;
}

namespace {

struct Validator {
    const Params clinic;
    Diagnostics out;

    // Checks one message: syntax, parameters, and (for Markdown) the subset.
    void check(const Text& t, const std::vector<std::string>& extra = {}) {
        if (t.empty()) return;
        MessageCheck mc = check_message(t.source);
        if (!mc.error.empty()) {
            out.push_back({t.file, t.line + mc.error_line, mc.error});
            return;
        }
        for (const MessageArgument& arg : mc.arguments) {
            if (clinic.contains(arg.name) || std::find(extra.begin(), extra.end(), arg.name) != extra.end()) continue;
            std::string known;
            for (const auto& [k, v] : clinic) known += (known.empty() ? "" : ", ") + k;
            for (const auto& k : extra) known += ", " + k;
            out.push_back({t.file, t.line + arg.line, "unknown parameter {" + arg.name + "}; known here: " + known});
        }
        if (t.markdown) {
            std::vector<MarkdownProblem> problems;
            parse_markdown(t.source, &problems);
            for (const auto& problem : problems) out.push_back({t.file, t.line + problem.line, problem.message});
        }
    }
};

}  // namespace

Diagnostics validate(const ContentSource& content, const ClinicConfig& config, const std::string& config_file,
                     const Translations& translations) {
    Validator v{clinic_params(config), {}};
    for (const InterfaceKey& k : interface_keys()) {
        if (auto it = content.interface.find(k.key); it != content.interface.end()) v.check(it->second, k.extra_params);
    }
    for (const ModuleSource& m : content.modules) {
        for (const Text* t : module_texts(m)) v.check(*t);
        for (const ScreenSource& s : m.screens) {
            if (!s.kind->list.by_route) continue;
            for (const std::string& route : config.routes_offered) {
                const bool has_page = std::any_of(s.items.begin(), s.items.end(), [&](const ItemSource& i) { return i.id == route; });
                if (!has_page)
                    v.out.push_back({s.file, 0, "the clinic offers route '" + route + "' (" + config_file + ") but this screen has no [[" +
                                                    std::string(s.kind->list.table) + "]] with id = \"" + route + "\""});
            }
        }
    }
    // Translations: each must parse, use only the English source's parameters, keep to the
    // Markdown subset, and be there and current for every text.
    std::map<std::string, const Text*> texts;  // by key
    for (const Text* t : interface_texts(content)) texts[t->key] = t;
    for (const ModuleSource& m : content.modules)
        for (const Text* t : module_texts(m)) texts[t->key] = t;
    for (const auto& [locale, catalog] : translations.catalogs) {
        for (const auto& [context, entry] : catalog.entries) {
            auto it = texts.find(context);
            if (it == texts.end()) {
                v.out.push_back({catalog.file, entry.line, "msgctxt \"" + context + "\" matches no text in content/ (run msgmerge)"});
                continue;
            }
            const Text& source = *it->second;
            TextState state;
            translation_of(catalog, source, &state);
            if (state == TextState::Stale) {
                v.out.push_back({catalog.file, entry.line, entry.fuzzy ? "\"" + context + "\" is marked fuzzy: check the translation, then remove the mark"
                                                                       : "stale: the English of \"" + context + "\" changed (" + source.file + ":" +
                                                                             std::to_string(source.line) + "); update the translation"});
                continue;
            }
            if (state != TextState::Current) continue;
            std::vector<std::string> allowed;
            for (const MessageArgument& a : check_message(source.source).arguments) allowed.push_back(a.name);
            MessageCheck mc = check_message(entry.str);
            const int line = entry.str_line;  // problems inside the translation are placed on their own line of it
            if (!mc.error.empty()) {
                v.out.push_back({catalog.file, line + mc.error_line, "\"" + context + "\": " + mc.error});
                continue;
            }
            for (const MessageArgument& a : mc.arguments)
                if (std::find(allowed.begin(), allowed.end(), a.name) == allowed.end())
                    v.out.push_back({catalog.file, line + a.line, "\"" + context + "\" uses {" + a.name + "}, which the English source does not have"});
            if (source.markdown) {
                std::vector<MarkdownProblem> problems;
                parse_markdown(entry.str, &problems);
                for (const auto& problem : problems)
                    v.out.push_back({catalog.file, line + problem.line, "\"" + context + "\": " + problem.message});
            }
        }
        for (const auto& [key, text] : texts) {
            auto it = catalog.entries.find(key);
            if (it == catalog.entries.end() || it->second.str.empty())  // an empty msgstr is where to write it
                v.out.push_back({catalog.file, it == catalog.entries.end() ? 0 : it->second.line,
                                 "missing translation of \"" + key + "\" (" + text->file + ":" + std::to_string(text->line) + ")"});
        }
    }
    return v.out;
}

std::vector<std::string> available_locales(const ContentSource& content, const Translations& translations, bool pseudo) {
    std::vector<std::string> locales{"en"};
    const auto interface = interface_texts(content);
    for (const auto& [locale, catalog] : translations.catalogs)
        if (coverage(catalog, interface).complete()) locales.push_back(locale);
    if (pseudo) locales.insert(locales.end(), kPseudoLocales.begin(), kPseudoLocales.end());
    return locales;
}

std::string locale_name_in(const std::string& locale, const std::string& in_locale) {
    icu::UnicodeString name;
    icu::Locale(locale.c_str()).getDisplayName(icu::Locale(in_locale.c_str()), name);
    std::string out;
    name.toUTF8String(out);
    return out;
}

LanguageNames language_names(const std::vector<std::string>& locales) {
    LanguageNames names;
    for (const std::string& l : locales) names.emplace_back(l, locale_native_name(l));
    return names;
}

std::string locale_native_name(const std::string& locale) {
    if (locale == "en-XA") return accent_and_stretch("English (accented)");
    if (locale == "ar-XB") return force_rtl("English (right to left)");
    icu::Locale l(locale.c_str());
    icu::UnicodeString name;
    l.getDisplayName(l, name);
    // Names like "español" start lower-case in their own language; a list item starts upper-case.
    name = name.tempSubString(0, 1).toUpper(l) + name.tempSubString(1);
    std::string out;
    name.toUTF8String(out);
    return out;
}

bool prepares_consent(const ShownModule& module) {
    return std::any_of(module.screens.begin(), module.screens.end(), [](const ShownScreen& s) { return s.kind->consent; });
}

}  // namespace anteroom
