#include "core/presentation.hpp"

#include <unicode/locid.h>

#include <algorithm>

namespace anteroom {

std::string ShownScreen::plain() const {
    std::string out = title;
    auto add = [&out](const std::string& s) {
        if (s.empty()) return;
        out += '\n';
        out += s;
    };
    add(intro.plain());
    add(body.plain());
    for (const auto& q : questions) add(q.question), add(q.answer.plain());
    for (const auto& s : steps) add(s.title), add(s.body.plain());
    for (const auto& r : routes) add(r.title), add(r.summary), add(r.body.plain());
    return out;
}

Params clinic_params(const ClinicConfig& c) {
    return {
        {"clinic_name", c.clinic_name},
        {"clinic_phone", c.clinic_phone},
        {"crisis_line", c.crisis_line},
        {"fasting_hours", c.fasting_hours},
        {"clear_fluids_hours", c.clear_fluids_hours},
        {"monitoring_minutes", c.monitoring_minutes},
    };
}

std::string Presentation::text(const std::string& key, const Params& extra) const {
    auto it = interface_.find(key);
    if (it == interface_.end()) return key;  // validate() makes this unreachable for bundled keys
    if (extra.empty()) return format_message(it->second, clinic_params_, locale);
    Params all = clinic_params_;
    for (const auto& [name, value] : extra) all[name] = value;
    return format_message(it->second, all, locale);
}

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
struct Resolver {
    const Params& params;
    const std::string& locale;

    std::string line(const Text& t) const { return format_message(t.source, params, locale); }
    RichText rich(const Text& t) const { return t.empty() ? RichText{} : parse_markdown(line(t)); }
};
}  // namespace

Presentation present(const ContentSource& content, const ClinicConfig& config, const std::string& locale) {
    Presentation p;
    p.locale = locale;
    p.clinic_params_ = clinic_params(config);
    for (const auto& [key, t] : content.interface) p.interface_[key] = t.source;
    Resolver r{p.clinic_params_, locale};
    for (const ModuleSource& m : content.modules) {
        ShownModule shown{m.id, r.line(m.title), r.line(m.summary), m.minutes, {}};
        for (const ScreenSource& s : m.screens) {
            ShownScreen screen;
            screen.id = s.id;
            screen.kind = s.kind;
            screen.title = r.line(s.title);
            screen.intro = r.rich(s.intro);
            screen.body = r.rich(s.body);
            for (const FaqEntry& q : s.questions) screen.questions.push_back({r.line(q.question), r.rich(q.answer)});
            for (const TimelineStep& st : s.steps) screen.steps.push_back({r.line(st.title), r.rich(st.body)});
            for (const RouteEntry& route : s.routes) {
                const auto& offered = config.routes_offered;
                if (std::find(offered.begin(), offered.end(), route.id) != offered.end())
                    screen.routes.push_back({route.id, r.line(route.title), r.line(route.summary), r.rich(route.body)});
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
    void check(const Text& t, bool markdown, const std::vector<std::string>& extra = {}) {
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
        if (markdown) {
            std::vector<MarkdownProblem> problems;
            parse_markdown(t.source, &problems);
            for (const auto& problem : problems) out.push_back({t.file, t.line + problem.line, problem.message});
        }
    }
};

}  // namespace

Diagnostics validate(const ContentSource& content, const ClinicConfig& config, const std::string& config_file) {
    Validator v{clinic_params(config), {}};
    for (const InterfaceKey& k : interface_keys()) {
        if (auto it = content.interface.find(k.key); it != content.interface.end()) v.check(it->second, false, k.extra_params);
    }
    for (const ModuleSource& m : content.modules) {
        v.check(m.title, false);
        v.check(m.summary, false);
        for (const ScreenSource& s : m.screens) {
            v.check(s.title, false);
            v.check(s.intro, true);
            v.check(s.body, true);
            for (const FaqEntry& q : s.questions) v.check(q.question, false), v.check(q.answer, true);
            for (const TimelineStep& st : s.steps) v.check(st.title, false), v.check(st.body, true);
            for (const RouteEntry& r : s.routes) {
                v.check(r.title, false);
                v.check(r.summary, false);
                v.check(r.body, true);
            }
            if (s.kind == ScreenKind::Routes) {
                for (const std::string& offered : config.routes_offered) {
                    bool has_page = std::any_of(s.routes.begin(), s.routes.end(),
                                                [&](const RouteEntry& r) { return r.id == offered; });
                    if (!has_page)
                        v.out.push_back({s.file, 0, "the clinic offers route '" + offered + "' (" + config_file +
                                                        ") but this screen has no [[route]] with id = \"" + offered + "\""});
                }
            }
        }
    }
    auto locales = available_locales(content);
    if (std::find(locales.begin(), locales.end(), config.default_locale) == locales.end())
        v.out.push_back({config_file, 0, "default_locale '" + config.default_locale + "' is not an available language"});
    return v.out;
}

std::vector<std::string> available_locales(const ContentSource&) { return {"en"}; }

std::string locale_native_name(const std::string& locale) {
    icu::Locale l(locale.c_str());
    icu::UnicodeString name;
    l.getDisplayName(l, name);
    // Names like "español" start lower-case in their own language; a list item starts upper-case.
    name = name.tempSubString(0, 1).toUpper(l) + name.tempSubString(1);
    std::string out;
    name.toUTF8String(out);
    return out;
}

}  // namespace anteroom
