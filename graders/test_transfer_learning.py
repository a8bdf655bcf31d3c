"""Grader for transfer_learning: freezing the backbone and building fine-tuning parameter groups.

The expected split is worked out here from the names of a small network whose head is ``head`` and whose
module ``head2`` shares the prefix but not the module (``head2.weight`` is not under ``head``).

Promises and the tests that hold them:
freeze_backbone
- freezes exactly the parameters outside the head ("head" does not take head2)
  -> test_freezes_exactly_the_parameters_outside_the_head, test_frozen_parameters_receive_no_gradient
- returns the number frozen by this call -> test_counts_only_what_this_call_froze
- several prefixes -> test_accepts_several_head_prefixes
- a single string is one name -> test_a_single_string_is_one_head_name
- the backbone's BatchNorm in eval mode, the head's not
  -> test_backbone_batchnorm_is_in_eval_mode_and_head_batchnorm_is_not
- ... and still after model.train() (running statistics frozen)
  -> test_backbone_batchnorm_stays_frozen_after_model_train
- no prefix / a prefix naming nothing -> ValueError naming head_prefixes
  -> test_rejects_head_prefixes_that_name_no_parameter
finetune_param_groups
- backbone/head x decay/no-decay, in that order, names, lr and weight_decay
  -> test_groups_split_backbone_and_head_by_decay
- params a list in named_parameters order -> test_group_params_are_lists_in_named_parameters_order
- each trainable parameter once, frozen ones left out, empty groups left out
  -> test_every_trainable_parameter_is_in_exactly_one_group_and_frozen_ones_in_none
- norm weights and biases get no decay, found by module type -> test_norm_weights_get_no_decay_whatever_their_names
- ready for AdamW -> test_groups_drive_a_real_optimizer
- the model not modified -> test_groups_leave_the_model_unchanged
- a single string is one name -> test_a_single_string_is_one_head_name
- no prefix / a prefix naming nothing -> ValueError naming head_prefixes
  -> test_groups_reject_head_prefixes_that_name_no_parameter
"""

from __future__ import annotations

import pytest
import torch
from torch import nn

from graders.helpers import assert_equal, assert_raises


class Net(nn.Module):
    def __init__(self) -> None:
        super().__init__()
        torch.manual_seed(0)
        self.stem = nn.Sequential(nn.Conv2d(3, 8, 3, bias=False), nn.BatchNorm2d(8), nn.ReLU())
        self.layer1 = nn.Sequential(nn.Conv2d(8, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        self.layer2 = nn.Sequential(nn.Conv2d(8, 6, 1), nn.GroupNorm(2, 6), nn.ReLU())
        self.head = nn.Sequential(
            nn.Conv2d(6, 4, 1),
            nn.BatchNorm2d(4),
            nn.ReLU(),
            nn.AdaptiveAvgPool2d(1),
            nn.Flatten(),
            nn.LayerNorm(4),
            nn.Linear(4, 3),
        )
        self.head2 = nn.Linear(3, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.head2(self.head(self.layer2(self.layer1(self.stem(x)))))


BACKBONE = [
    "stem.0.weight", "stem.1.weight", "stem.1.bias", "layer1.0.weight", "layer1.0.bias", "layer1.1.weight",
    "layer1.1.bias", "layer2.0.weight", "layer2.0.bias", "layer2.1.weight", "layer2.1.bias", "head2.weight",
    "head2.bias",
]  # fmt: skip
HEAD = ["head.0.weight", "head.0.bias", "head.1.weight", "head.1.bias", "head.5.weight", "head.5.bias",
        "head.6.weight", "head.6.bias"]  # fmt: skip
DECAYED = {"stem.0.weight", "layer1.0.weight", "layer2.0.weight", "head2.weight", "head.0.weight", "head.6.weight"}


def names_of(model: nn.Module, params) -> list[str]:
    by_id = {id(p): n for n, p in model.named_parameters()}
    return [by_id.get(id(p), "<not a parameter of the model>") for p in params]


# ------------------------------------------------------------------------------------------- freeze_backbone


@pytest.mark.points(2)
def test_freezes_exactly_the_parameters_outside_the_head(learner):
    model = Net()
    got = learner.freeze_backbone(model, ["head"])
    assert_equal(got, len(BACKBONE), call="freeze_backbone(net, ['head'])", what="number of frozen tensors")
    frozen = [n for n, p in model.named_parameters() if not p.requires_grad]
    assert_equal(
        sorted(frozen),
        sorted(BACKBONE),
        call="freeze_backbone(net, ['head'])",
        what="names of the frozen parameters ('head2' is not under 'head')",
    )


def test_counts_only_what_this_call_froze(learner):
    model = Net()
    learner.freeze_backbone(model, ["head"])
    again = learner.freeze_backbone(model, ["head"])
    assert_equal(again, 0, call="freeze_backbone(net, ['head']) a second time", what="number frozen by this call")


def test_accepts_several_head_prefixes(learner):
    model = Net()
    got = learner.freeze_backbone(model, ("head", "head2"))
    assert_equal(got, len(BACKBONE) - 2, call="freeze_backbone(net, ('head', 'head2'))")
    trainable = sorted(n for n, p in model.named_parameters() if p.requires_grad)
    assert_equal(
        trainable,
        sorted(HEAD + ["head2.weight", "head2.bias"]),
        call="freeze_backbone(net, ('head', 'head2'))",
        what="trainable parameters",
    )


def test_backbone_batchnorm_is_in_eval_mode_and_head_batchnorm_is_not(learner):
    model = Net().train()
    learner.freeze_backbone(model, ["head"])
    assert not model.stem[1].training and not model.layer1[1].training, (
        "after freeze_backbone(net, ['head']) the backbone's BatchNorm layers should be in eval mode"
    )
    assert model.head[1].training, "freeze_backbone put the head's BatchNorm in eval mode; only the backbone's"


@pytest.mark.points(2)
def test_backbone_batchnorm_stays_frozen_after_model_train(learner):
    model = Net()
    learner.freeze_backbone(model, ["head"])
    model.train()
    assert not model.stem[1].training and not model.layer1[1].training, (
        "model.train() after freeze_backbone switched the backbone's BatchNorm back to training mode; "
        "the docstring promises they stay in eval mode"
    )
    assert model.head[1].training and model.training, "model.train() must still put the rest in training mode"
    stats = model.stem[1].running_mean.clone(), model.head[1].running_mean.clone()
    model(torch.randn(4, 3, 9, 7, generator=torch.Generator().manual_seed(1)))
    assert torch.equal(model.stem[1].running_mean, stats[0]), (
        "a forward pass in training mode changed the frozen backbone BatchNorm's running_mean"
    )
    assert not torch.equal(model.head[1].running_mean, stats[1]), (
        "the head's BatchNorm should still learn its statistics"
    )


def test_frozen_parameters_receive_no_gradient(learner):
    model = Net()
    learner.freeze_backbone(model, ["head"])
    model(torch.randn(2, 3, 8, 8, generator=torch.Generator().manual_seed(2))).sum().backward()
    with_grad = [n for n, p in model.named_parameters() if p.grad is not None]
    assert_equal(
        sorted(with_grad),
        sorted(HEAD),
        call="freeze_backbone(net, ['head']); forward; backward",
        what="parameters that received a gradient",
    )


@pytest.mark.parametrize("prefixes", [[], ["tail"]], ids=["no prefix", "prefix that names nothing"])
def test_rejects_head_prefixes_that_name_no_parameter(learner, prefixes):
    assert_raises(
        ValueError,
        learner.freeze_backbone,
        Net(),
        prefixes,
        match=r"\bhead_prefixes\b",
        call=f"freeze_backbone(net, {prefixes})",
    )


@pytest.mark.parametrize("fn", ["freeze_backbone", "finetune_param_groups"])
def test_a_single_string_is_one_head_name(learner, fn):
    # "head" is the module name "head", not the prefixes "h", "e", "a", "d".
    model, reference = Net(), Net()
    if fn == "freeze_backbone":
        got = learner.freeze_backbone(model, "head")
        expected = learner.freeze_backbone(reference, ("head",))
        assert_equal(got, len(BACKBONE), call="freeze_backbone(net, 'head')", what="number of frozen tensors")
        frozen = sorted(n for n, p in model.named_parameters() if not p.requires_grad)
        assert_equal(frozen, sorted(BACKBONE), call="freeze_backbone(net, 'head')", what="frozen parameters")
        assert_equal(got, expected, call="freeze_backbone(net, 'head') against freeze_backbone(net, ('head',))")
    else:
        groups = learner.finetune_param_groups(model, "head", 1e-4, 1e-3, 0.05)
        got = {g["name"]: sorted(names_of(model, g["params"])) for g in groups}
        expected = {
            "backbone/decay": sorted(n for n in BACKBONE if n in DECAYED),
            "backbone/no_decay": sorted(n for n in BACKBONE if n not in DECAYED),
            "head/decay": sorted(n for n in HEAD if n in DECAYED),
            "head/no_decay": sorted(n for n in HEAD if n not in DECAYED),
        }
        assert_equal(got, expected, call="finetune_param_groups(net, 'head', 1e-4, 1e-3, 0.05)", what="groups")


# ------------------------------------------------------------------------------------------- param groups


def groups_by_name(model, groups) -> dict[str, list[str]]:
    return {g.get("name", f"#{i}"): names_of(model, g["params"]) for i, g in enumerate(groups)}


@pytest.mark.points(3)
def test_groups_split_backbone_and_head_by_decay(learner):
    model = Net()
    groups = learner.finetune_param_groups(model, ["head"], 1e-4, 1e-3, 0.05)
    call = "finetune_param_groups(net, ['head'], backbone_lr=1e-4, head_lr=1e-3, weight_decay=0.05)"
    got = [(g["name"], sorted(names_of(model, g["params"])), g["lr"], g["weight_decay"]) for g in groups]
    expected = [
        ("backbone/decay", sorted(n for n in BACKBONE if n in DECAYED), 1e-4, 0.05),
        ("backbone/no_decay", sorted(n for n in BACKBONE if n not in DECAYED), 1e-4, 0.0),
        ("head/decay", sorted(n for n in HEAD if n in DECAYED), 1e-3, 0.05),
        ("head/no_decay", sorted(n for n in HEAD if n not in DECAYED), 1e-3, 0.0),
    ]
    assert_equal(got, expected, call=call, what="groups as (name, parameters, lr, weight_decay)")


@pytest.mark.points(2)
def test_every_trainable_parameter_is_in_exactly_one_group_and_frozen_ones_in_none(learner):
    model = Net()
    learner.freeze_backbone(model, ["head"])
    groups = learner.finetune_param_groups(model, ["head"], 1e-4, 1e-3, 0.05)
    listed = [n for g in groups for n in names_of(model, g["params"])]
    call = "freeze_backbone(net, ['head']); finetune_param_groups(net, ['head'], 1e-4, 1e-3, 0.05)"
    assert_equal(sorted(listed), sorted(HEAD), call=call, what="parameters in the groups (each once, none frozen)")
    assert_equal(
        [g["name"] for g in groups],
        ["head/decay", "head/no_decay"],
        call=call,
        what="group names (empty groups left out)",
    )


def test_norm_weights_get_no_decay_whatever_their_names(learner):
    # Module names that say nothing about normalisation: the rule must come from the module types
    model = nn.Sequential(nn.Linear(3, 5), nn.GroupNorm(1, 5), nn.Linear(5, 2), nn.BatchNorm1d(2))
    groups = learner.finetune_param_groups(model, ["3"], 0.1, 0.2, 0.01)
    got = {g["name"]: sorted(names_of(model, g["params"])) for g in groups}
    expected = {
        "backbone/decay": ["0.weight", "2.weight"],
        "backbone/no_decay": ["0.bias", "1.bias", "1.weight", "2.bias"],
        "head/no_decay": ["3.bias", "3.weight"],
    }
    assert_equal(
        got, expected, call="finetune_param_groups(Sequential(Linear, GroupNorm, Linear, BatchNorm1d), ['3'], ...)"
    )


def test_groups_drive_a_real_optimizer(learner):
    model = Net()
    learner.freeze_backbone(model, ["head"])
    groups = learner.finetune_param_groups(model, ["head"], 1e-4, 1e-3, 0.05)
    opt = torch.optim.AdamW(groups)
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    model(torch.randn(2, 3, 8, 8, generator=torch.Generator().manual_seed(3))).sum().backward()
    opt.step()
    moved = sorted(n for n, p in model.named_parameters() if not torch.equal(p, before[n]))
    assert_equal(moved, sorted(HEAD), call="AdamW(finetune_param_groups(...)).step()", what="parameters that moved")


def test_groups_leave_the_model_unchanged(learner):
    model = Net()
    flags = [p.requires_grad for p in model.parameters()]
    learner.finetune_param_groups(model, ["head"], 1e-4, 1e-3, 0.05)
    assert [p.requires_grad for p in model.parameters()] == flags, "finetune_param_groups changed requires_grad"
    assert model.training, "finetune_param_groups changed the model's mode"


@pytest.mark.parametrize("prefixes", [[], ["neck"]], ids=["no prefix", "prefix that names nothing"])
def test_groups_reject_head_prefixes_that_name_no_parameter(learner, prefixes):
    assert_raises(
        ValueError,
        learner.finetune_param_groups,
        Net(),
        prefixes,
        1e-4,
        1e-3,
        0.05,
        match=r"\bhead_prefixes\b",
        call=f"finetune_param_groups(net, {prefixes}, 1e-4, 1e-3, 0.05)",
    )


def test_group_params_are_lists_in_named_parameters_order(learner):
    model = Net()
    groups = learner.finetune_param_groups(model, ["head"], 1e-4, 1e-3, 0.05)
    order = [n for n, _ in model.named_parameters()]
    call = "finetune_param_groups(net, ['head'], 1e-4, 1e-3, 0.05)"
    for g in groups:
        name = g.get("name", "?")
        if not isinstance(g["params"], list):
            raise AssertionError(f"{call}\n  group {name!r}: params is a {type(g['params']).__name__}, expected a list")
        got = names_of(model, g["params"])
        assert_equal(
            got, [n for n in order if n in got], call=call, what=f"group {name!r} params (named_parameters order)"
        )
