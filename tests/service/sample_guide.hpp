// A service guide (办事指南) with every field a terminal shows filled in, for tests that import
// guides.
#pragma once

#include <string>

#include "renshe/v1/guides.pb.h"

namespace renshe::testing {

inline renshe::v1::Guide sampleGuide(const std::string& id, const std::string& title) {
    renshe::v1::Guide g;
    g.set_id(id);
    g.set_title(title);
    g.set_category("社会保障卡");
    g.set_target("本市参保人员");
    g.set_accepting_unit("兰山区人力资源和社会保障局");
    g.set_location("各乡镇（街道）人社所");
    g.add_process_steps("携带材料到窗口申请");
    g.add_process_steps("现场审核");
    auto* m = g.add_materials();
    m->set_name("居民身份证");
    m->set_copies(1);
    m->set_original(true);
    g.set_fees("不收费");
    g.set_time_limit("即时办结");
    g.set_consultation("12333");
    g.set_language(renshe::v1::LANGUAGE_ZH_CN);
    return g;
}

}  // namespace renshe::testing
