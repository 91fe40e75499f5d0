package io.jgrad.nn;

import io.jgrad.DType;
import io.jgrad.Tensor;
import io.jgrad.Torch;

/**
 * A lookup table of {@code numEmbeddings} vectors of size {@code embeddingDim}, PyTorch's {@code nn.Embedding}:
 * the weight is drawn from N(0, 1) and the padding row (if any) zeroed; that row gets no gradient.
 *
 * <pre>{@code Embedding emb = new Embedding(10, 3, 0);   // emb = nn.Embedding(10, 3, padding_idx=0) }</pre>
 */
public class Embedding extends Module {
    /** The table, [numEmbeddings, embeddingDim] ({@code emb.weight}). */
    public Parameter weight;
    /** {@code num_embeddings}. */
    public final int numEmbeddings;
    /** {@code embedding_dim}. */
    public final int embeddingDim;
    /** {@code padding_idx} (made non-negative), or null. */
    public final Integer paddingIdx;

    /** {@code nn.Embedding(num_embeddings, embedding_dim)}. */
    public Embedding(int numEmbeddings, int embeddingDim) {
        this(numEmbeddings, embeddingDim, null);
    }

    /**
     * {@code nn.Embedding(num_embeddings, embedding_dim, padding_idx)}; a negative index counts from the end.
     *
     * @throws IllegalArgumentException if paddingIdx is out of range (PyTorch's message)
     */
    public Embedding(int numEmbeddings, int embeddingDim, Integer paddingIdx) {
        if (paddingIdx != null && (paddingIdx >= numEmbeddings || paddingIdx < -numEmbeddings)) {
            throw new IllegalArgumentException("Padding_idx must be within num_embeddings");
        }
        this.numEmbeddings = numEmbeddings;
        this.embeddingDim = embeddingDim;
        this.paddingIdx = paddingIdx == null ? null : paddingIdx < 0 ? paddingIdx + numEmbeddings : paddingIdx;
        this.weight = new Parameter(Torch.empty(new int[] {numEmbeddings, embeddingDim}, DType.FLOAT32));
        Init.normal_(weight);
        if (this.paddingIdx != null) {
            Torch.noGrad(() -> weight.get(this.paddingIdx).fill_(0));
        }
    }

    /** {@code emb(indices)}: rows of the weight, shape {@code indices.shape + [embeddingDim]}. */
    @Override
    public Tensor forward(Tensor indices) {
        return Functional.embedding(indices, weight, paddingIdx);
    }

    @Override
    public String extraRepr() {
        return numEmbeddings + ", " + embeddingDim + (paddingIdx == null ? "" : ", padding_idx=" + paddingIdx);
    }
}
