using Sim2Real.Learning.Tensors;

namespace Sim2Real.Learning.Tests.Tensors;

public class TensorScopeTests
{
    [Fact]
    public void Closing_a_scope_frees_every_temporary_created_in_it()
    {
        Tensor a, b;
        using (var scope = TensorScope.Begin())
        {
            a = Tensor.Ones([3]);
            b = a * 2.0;
            Assert.Equal(2, scope.Count);
        }

        Assert.True(a.IsDisposed);
        Assert.True(b.IsDisposed);
    }

    [Fact]
    public void Kept_result_moves_to_the_enclosing_scope()
    {
        Tensor kept;
        using (var outer = TensorScope.Begin())
        {
            using (TensorScope.Begin())
            {
                kept = (Tensor.Ones([2]) + 1.0).Keep();
            }

            Assert.False(kept.IsDisposed);
            Assert.Equal([2f, 2f], kept.ToArray<float>());
            Assert.Equal(1, outer.Count);
        }

        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void Kept_result_without_an_enclosing_scope_belongs_to_the_caller()
    {
        Tensor kept;
        using (TensorScope.Begin())
        {
            kept = Tensor.Ones([2]).Keep();
        }

        Assert.False(kept.IsDisposed);
        kept.Dispose();
        Assert.True(kept.IsDisposed);
    }

    [Fact]
    public void Using_a_disposed_tensor_fails_clearly()
    {
        var t = Tensor.Ones([1]);
        t.Dispose();
        Assert.Throws<ObjectDisposedException>(() => t.Sum());
    }
}
