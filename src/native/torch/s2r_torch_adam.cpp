// Adam's update in one pass over each parameter: torch.optim.Adam (1.13, single-tensor, no weight decay, amsgrad off)
// runs seven tensor ops per parameter (mul_, add_, mul_, addcmul_, sqrt, div, add_, addcdiv_), each a full pass with
// two temporaries; the DrQ-v2 pixel agent steps 7.3 million parameters three times per update. Here each element is
// read and written once, with the same arithmetic in the same order (fp32, scalars rounded to fp32 as torch does);
// the only difference is whether a multiply-add is fused, so results agree with torch's to an ulp per step.
// A translation unit of its own, over ATen only: s2r_torch.cpp holds the optimizer's state and is edited by other
// work. Conventions are s2r_torch.cpp's: 0 or -1, with this file's own error text.
#include <ATen/ATen.h>
#include <ATen/Parallel.h>

#include <cmath>
#include <string>

#include "s2r_torch_boundary.h"

extern "C" {

const char* s2r_adam_fused_last_error() { return g_last_error.c_str(); }

// One Adam step (the step count already advanced to `step`) for n parameters with their moments; parameters without
// a gradient are skipped, as in Python. A parameter whose tensors are not all fp32 on the CPU, dense in one shared
// layout, takes torch's tensor ops instead.
int s2r_adam_fused_step(Handle* params, Handle* exp_avgs, Handle* exp_avg_sqs, int n, double lr, double beta1, double beta2,
                        double eps, int64_t step) {
  return guarded([&] {
    at::NoGradGuard no_grad;
    const double bias_correction1 = 1.0 - std::pow(beta1, static_cast<double>(step));
    const double bias_correction2 = 1.0 - std::pow(beta2, static_cast<double>(step));
    const float step_size = static_cast<float>(-(lr / bias_correction1));
    const float bc2_sqrt = static_cast<float>(std::sqrt(bias_correction2));
    const float b1 = static_cast<float>(beta1), one_minus_b1 = static_cast<float>(1 - beta1);
    const float b2 = static_cast<float>(beta2), one_minus_b2 = static_cast<float>(1 - beta2);
    const float e = static_cast<float>(eps);
    for (int i = 0; i < n; ++i) {
      auto& p = T(params[i]);
      const auto& g = p.grad();
      if (!g.defined()) continue;
      auto& m = T(exp_avgs[i]);
      auto& v = T(exp_avg_sqs[i]);
      const at::Tensor* all[] = {&p, &g, &m, &v};
      bool one_pass = true;
      for (const at::Tensor* t : all) {
        one_pass = one_pass && t->is_cpu() && t->scalar_type() == at::kFloat && t->is_non_overlapping_and_dense() &&
                   t->strides() == p.strides();
      }
      if (!one_pass) {  // e.g. a GPU, or a gradient laid out unlike its parameter: torch's own ops
        m.mul_(beta1).add_(g, 1 - beta1);
        v.mul_(beta2).addcmul_(g, g, 1 - beta2);
        p.addcdiv_(m, (v.sqrt() / std::sqrt(bias_correction2)).add_(eps), -(lr / bias_correction1));
        continue;
      }
      float* pd = p.data_ptr<float>();
      const float* gd = g.data_ptr<float>();
      float* md = m.data_ptr<float>();
      float* vd = v.data_ptr<float>();
      at::parallel_for(0, p.numel(), 1 << 15, [&](int64_t begin, int64_t end) {
        for (int64_t k = begin; k < end; ++k) {
          const float grad = gd[k];
          const float mk = md[k] * b1 + grad * one_minus_b1;          // exp_avg.mul_(beta1).add_(grad, alpha=1-beta1)
          const float vk = vd[k] * b2 + one_minus_b2 * grad * grad;   // exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1-beta2)
          const float denom = std::sqrt(vk) / bc2_sqrt + e;          // (exp_avg_sq.sqrt() / bc2_sqrt).add_(eps)
          pd[k] = pd[k] + step_size * mk / denom;                     // param.addcdiv_(exp_avg, denom, value=-step_size)
          md[k] = mk;
          vd[k] = vk;
        }
      });
    }
  });
}
}
