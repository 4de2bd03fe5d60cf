#include "ui/rich_text.hpp"

#include <algorithm>
#include <cmath>

#include "core/bidi.hpp"

namespace anteroom::ui {

namespace {

// The text of all spans end to end, with the span each byte belongs to.
struct Flat {
    std::string text;
    std::vector<size_t> span_end;  // byte offset where each span ends
    size_t span_at(size_t offset) const {
        return static_cast<size_t>(std::upper_bound(span_end.begin(), span_end.end(), offset) - span_end.begin());
    }
};

float measure(ImFont* font, float size, std::string_view text) {
    if (text.empty()) return 0;
    if (needs_bidi(text)) {  // joined Arabic letters have other widths than isolated ones
        const std::string shaped = shape_arabic(text);
        return font->CalcTextSizeA(size, FLT_MAX, 0, shaped.data(), shaped.data() + shaped.size()).x;
    }
    return font->CalcTextSizeA(size, FLT_MAX, 0, text.data(), text.data() + text.size()).x;
}

std::string_view trim_trailing_spaces(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n')) s.remove_suffix(1);
    return s;
}

}  // namespace

LaidText TextLayout::lay_out(const std::vector<Span>& spans, const TextStyle& style, float width) {
    LaidText out;
    Flat flat;
    for (const Span& s : spans) {
        flat.text += s.text;
        flat.span_end.push_back(flat.text.size());
    }
    if (flat.text.empty()) return out;
    auto font_at = [&](size_t offset) {
        const size_t i = std::min(flat.span_at(offset), spans.size() - 1);
        return style.fonts[static_cast<int>(spans[i].style)];
    };
    // Width of [begin, end), split where the style changes.
    auto width_of = [&](size_t begin, size_t end) {
        float w = 0;
        while (begin < end) {
            const size_t stop = std::min(end, flat.span_end[flat.span_at(begin)]);
            w += measure(font_at(begin), style.size, std::string_view(flat.text).substr(begin, stop - begin));
            begin = stop;
        }
        return w;
    };

    // Greedy fill: take segments between break opportunities while they fit.
    std::vector<size_t> breaks = breaker_.opportunities(flat.text);
    std::vector<std::pair<size_t, size_t>> lines;  // byte ranges
    size_t line_start = 0, fitted_end = 0;
    for (size_t i = 0; i < breaks.size(); ++i) {
        const size_t end = breaks[i];
        const std::string_view candidate = trim_trailing_spaces(std::string_view(flat.text).substr(line_start, end - line_start));
        if (width_of(line_start, line_start + candidate.size()) <= width) {
            fitted_end = end;
            continue;
        }
        if (fitted_end > line_start) {  // the line so far fits: close it, retry this segment
            lines.emplace_back(line_start, fitted_end);
            line_start = fitted_end;
            --i;
            continue;
        }
        // One word wider than the line: break it between characters.
        size_t cut = line_start;
        for (size_t c : LineBreaker::characters(std::string_view(flat.text).substr(line_start, end - line_start))) {
            if (width_of(line_start, line_start + c) > width && cut > line_start) break;
            cut = line_start + c;
        }
        lines.emplace_back(line_start, cut);
        line_start = fitted_end = cut;
        if (cut < end) --i;
    }
    if (line_start < flat.text.size()) lines.emplace_back(line_start, flat.text.size());

    float y = 0;
    const float leading = std::round((style.line_height - style.size) / 2);  // glyphs sit mid-line
    for (const auto& [begin, end] : lines) {
        const size_t visible_end = begin + trim_trailing_spaces(std::string_view(flat.text).substr(begin, end - begin)).size();
        const std::string_view line = std::string_view(flat.text).substr(begin, visible_end - begin);
        const int line_index = static_cast<int>(out.line_widths.size());
        float x = 0;
        auto add_run = [&](size_t logical_at, size_t logical_end, bool rtl, std::string text) {
            LaidRun run{font_at(logical_at), style.size, {x, y + leading}, 0, line_index, std::move(text), logical_at, logical_end, rtl};
            run.width = run.font->CalcTextSizeA(run.size, FLT_MAX, 0, run.text.data(), run.text.data() + run.text.size()).x;
            x += run.width;
            out.runs.push_back(std::move(run));
        };
        if (rtl_ || needs_bidi(line)) {  // shaped, and put in visual order, a line at a time
            std::vector<size_t> cuts;  // where the style changes, relative to the line
            for (size_t e : flat.span_end)
                if (e > begin && e < visible_end) cuts.push_back(e - begin);
            for (VisualRun& v : visual_runs(line, rtl_, cuts)) add_run(begin + v.logical_begin, begin + v.logical_end, v.rtl, std::move(v.text));
        } else {
            for (size_t at = begin; at < visible_end;) {
                const size_t stop = std::min(visible_end, flat.span_end[flat.span_at(at)]);
                add_run(at, stop, false, flat.text.substr(at, stop - at));
                at = stop;
            }
        }
        out.line_widths.push_back(x);
        out.size.x = std::max(out.size.x, x);
        y += style.line_height;
    }
    out.size.y = y;
    return out;
}

}  // namespace anteroom::ui
